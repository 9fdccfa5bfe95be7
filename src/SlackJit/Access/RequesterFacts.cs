namespace SlackJit.Access;

/// <summary>What Slack says about the requester (<c>users.info</c>), reduced to what the policy needs.</summary>
/// <param name="IsGuest">A single- or multi-channel guest (<c>is_restricted</c>, <c>is_ultra_restricted</c>).</param>
/// <param name="IsBot">A bot user or app.</param>
/// <param name="IsDeleted">A deactivated account.</param>
public sealed record RequesterFacts(bool IsGuest, bool IsBot, bool IsDeleted)
{
    public static readonly RequesterFacts Member = new(false, false, false);
}
