using Microsoft.Extensions.Options;

namespace SlackJit.Slack;

/// <summary>
/// The workspace and app the bot token belongs to (from <c>auth.test</c> at start-up), and the check that input from
/// Slack comes from them: a command or click whose <c>team_id</c> is neither the bot's own nor listed in
/// <c>Slack:AllowedTeamIds</c> (other workspaces of an Enterprise Grid organization), or whose <c>api_app_id</c> is
/// another app's, is refused. Until <c>auth.test</c> has answered (it was skipped or Slack was unreachable), only
/// <c>Slack:AllowedTeamIds</c> is checked, when set.
/// </summary>
internal sealed class SlackWorkspace(IOptions<SlackOptions> options)
{
    private volatile SlackJit.Slack.Api.SlackAuthInfo? _bot;

    /// <summary>Records who the bot is; called once <c>auth.test</c> has answered.</summary>
    public void Remember(SlackJit.Slack.Api.SlackAuthInfo bot) => _bot = bot;

    /// <summary>
    /// The workspaces SlackJit serves, as far as it knows: the bot's own (once <c>auth.test</c> has answered) and
    /// <c>Slack:AllowedTeamIds</c>. Empty when it knows neither (then input from any team is accepted).
    /// </summary>
    public IReadOnlyList<string> Teams =>
        [.. new[] { _bot?.TeamId }.Concat(options.Value.AllowedTeamIds ?? []).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>Why input from <paramref name="teamId"/> / <paramref name="appId"/> is refused; null when it is accepted.</summary>
    public string? Refuses(string? teamId, string? appId)
    {
        var bot = _bot;
        var allowed = options.Value.AllowedTeamIds ?? [];
        if (bot is null && allowed.Count == 0)
        {
            return null;
        }

        if (string.IsNullOrEmpty(teamId))
        {
            return "no team_id";
        }

        if (teamId != bot?.TeamId && !allowed.Contains(teamId, StringComparer.Ordinal))
        {
            return $"team {teamId} is not the bot's workspace or in Slack:AllowedTeamIds";
        }

        return bot?.AppId is { Length: > 0 } own && !string.IsNullOrEmpty(appId) && appId != own
            ? $"app {appId} is not this app ({own})"
            : null;
    }
}
