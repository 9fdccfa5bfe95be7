using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.Workspace;

namespace SlackJit.SlackEmulator.AppClient;

/// <summary>The App Home: opening the Home tab (an Events API event) and clicking a button on it.</summary>
public sealed partial class SlackAppClient
{
    public const string EventsPath = "slack/events";

    /// <summary>
    /// <paramref name="userId"/> opens the app's Home tab: Slack sends <c>app_home_opened</c> (with the Home as last
    /// published, if any) inside an <c>event_callback</c>, as signed JSON.
    /// </summary>
    public Task<AppResponse> OpenHomeAsync(string userId, CancellationToken cancellationToken)
    {
        var home = workspace.HomeView(userId);
        var ts = TsNow();
        var inner = new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = userId,
            ["channel"] = SlackWorkspace.DmChannelFor(userId),
            ["tab"] = "home",
            ["event_ts"] = ts,
        };
        if (home is not null)
        {
            inner["view"] = home.ToPayload(workspace);
        }
        var body = new JsonObject
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = workspace.TeamId,
            ["api_app_id"] = workspace.AppId,
            ["event"] = inner,
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            ["event_time"] = workspace.Time.GetUtcNow().ToUnixTimeSeconds(),
        };
        return SendAsync(EventsPath, body.ToJsonString(), cancellationToken, "application/json");
    }

    /// <summary>
    /// <paramref name="userId"/> clicks the element <paramref name="actionId"/> on their Home tab. As in Slack, the
    /// payload's container is the view, and it carries a trigger id but no channel and no response_url.
    /// </summary>
    public async Task<AppResponse> ClickInHomeAsync(string userId, string actionId, string? blockId, CancellationToken cancellationToken)
    {
        var home = workspace.HomeView(userId) ?? throw new ArgumentException($"No Home published for {userId}.", nameof(userId));
        var (element, foundBlockId) = Payloads.FindElement(home.View["blocks"] as JsonArray, actionId, blockId)
            ?? throw new ArgumentException($"No element {actionId} on the Home of {userId}.", nameof(actionId));
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = Payloads.User(workspace.User(userId), userId, workspace.TeamId),
            ["api_app_id"] = workspace.AppId,
            ["token"] = "deprecated-verification-token",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = home.Id },
            ["trigger_id"] = workspace.IssueTrigger(userId),
            ["team"] = Payloads.Team(workspace),
            ["view"] = home.ToPayload(workspace),
            ["actions"] = new JsonArray { Action(element, actionId, foundBlockId) },
        };
        return await SendAsync(InteractionsPath, Interaction(payload), cancellationToken);
    }
}
