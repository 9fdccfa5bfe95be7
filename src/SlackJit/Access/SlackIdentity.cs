namespace SlackJit.Access;

/// <summary>A Slack user as taken from a verified request: IDs only, never names or emails.</summary>
public sealed record SlackIdentity(string UserId, string TeamId)
{
    /// <summary>The key used to list one requester's requests.</summary>
    public string Key => $"{TeamId}#{UserId}";
}
