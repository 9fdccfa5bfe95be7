namespace SlackJit.Slack.Api;

/// <summary>The answer of <c>auth.test</c>.</summary>
public sealed record SlackAuthInfo(string TeamId, string Team, string UserId, string? BotId);
