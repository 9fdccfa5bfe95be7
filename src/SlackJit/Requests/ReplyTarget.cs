namespace SlackJit.Requests;

/// <summary>
/// Where to answer a person after the ack: the interaction's <c>response_url</c> when there is one (ephemeral, in
/// place), else a DM. Modal submissions have no response_url, so they are answered by DM.
/// </summary>
internal sealed record ReplyTarget(string UserId, string? ResponseUrl = null)
{
    public static ReplyTarget Dm(string userId) => new(userId);
}
