namespace SlackJit.Slack.Api;

/// <summary>The answer of <c>auth.test</c>.</summary>
/// <param name="AppId">The app the token belongs to, when Slack says (<c>app_id</c>).</param>
public sealed record SlackAuthInfo(string TeamId, string Team, string UserId, string? BotId, string? AppId = null);
