namespace SlackJit.Slack.Api;

/// <summary>The parts of <c>users.info</c> that decide eligibility. IDs only: no names or emails.</summary>
public sealed record SlackUserInfo(
    string Id,
    string TeamId,
    bool IsBot,
    bool IsRestricted,
    bool IsUltraRestricted,
    bool Deleted,
    string? TimeZone);
