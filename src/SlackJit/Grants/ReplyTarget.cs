namespace SlackJit.Grants;

/// <summary>Where to answer a click: its response_url, else the channel it came from, for the user who clicked.</summary>
internal sealed record ReplyTarget(string UserId, string? ResponseUrl, string? Channel);
