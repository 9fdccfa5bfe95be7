namespace SlackJit.SlackEmulator.Workspace;

/// <summary>
/// Where a response_url's posts land: the channel and user it was made for, and the message it came from (a click),
/// so <c>replace_original</c> can edit it. Slack allows 5 uses within 30 minutes.
/// </summary>
public sealed record ResponseUrlTarget(string Id, string? Channel, string? UserId, string? MessageTs, DateTimeOffset CreatedAt)
{
    public int Uses { get; set; }
}
