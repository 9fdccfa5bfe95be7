using System.Net;
using System.Text.Json.Nodes;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Slack.Transport;

namespace SlackJit.Tests.Home;

/// <summary>The App Home steps the end-to-end tests repeat: signed events, clicks on the Home tab, reading the published Home.</summary>
internal static class HomeFlow
{
    public const string EventsPath = "/slack/events";

    /// <summary>A signed <c>POST /slack/events</c> with <paramref name="body"/> as JSON.</summary>
    public static Task<HttpResponseMessage> EventAsync(this SlackJitHarness harness, JsonObject body) =>
        harness.Client.SendAsync(harness.Signer.Raw(EventsPath, body.ToJsonString(), contentType: "application/json"));

    /// <summary>An <c>event_callback</c> carrying <c>app_home_opened</c> as Slack sends it.</summary>
    public static JsonObject HomeOpened(
        string user, string teamId = SlackJitHarness.TeamId, string tab = "home", string appId = FakeSlackApi.AppId) => new()
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = teamId,
            ["api_app_id"] = appId,
            ["event"] = new JsonObject
            {
                ["type"] = "app_home_opened",
                ["user"] = user,
                ["channel"] = FakeSlackApi.DmChannelFor(user),
                ["tab"] = tab,
                ["event_ts"] = "1772442000.000100",
            },
            ["type"] = "event_callback",
            ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
            ["event_time"] = 1772442000,
        };

    /// <summary>Opens <paramref name="user"/>'s Home tab: the event is acked with an empty 200.</summary>
    public static async Task OpenHomeAsync(this SlackJitHarness harness, string user)
    {
        using var response = await harness.EventAsync(HomeOpened(user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A click on a button of the Home tab: Slack sends no channel and no response_url for it.</summary>
    public static Task<HttpResponseMessage> ClickInHomeAsync(this SlackJitHarness harness, string actionId, string value, string user)
    {
        var payload = SlackRequestSigner.BlockActions(actionId, value, userId: user, teamId: SlackJitHarness.TeamId);
        payload.Remove("channel");
        payload.Remove("message");
        payload.Remove("response_url");
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" };
        payload["view"] = new JsonObject { ["id"] = "V0HOME", ["type"] = "home", ["callback_id"] = "slackjit.home", ["hash"] = "1.abc" };
        payload["trigger_id"] = SlackJitHarness.NewTriggerId();
        return harness.Client.SendAsync(harness.Signer.Interaction(payload));
    }

    /// <summary>Waits until <paramref name="user"/>'s published Home satisfies <paramref name="shows"/>.</summary>
    public static Task<JsonObject> WaitForHomeAsync(this SlackJitHarness harness, string user, Func<JsonObject, bool> shows, string what) =>
        harness.WaitForAsync(
            () => Task.FromResult(harness.Slack.Workspace.HomeView(user) is { } home && shows(home.View) ? home.View : null),
            $"the Home of {user} to show {what}");

    /// <summary>Makes a request as the requester and has <see cref="SlackJitHarness.Approver"/> approve it on its card; returns it live.</summary>
    public static async Task<SlackJit.Access.AccessRequest> LiveGrantAsync(this SlackJitHarness harness, string text)
    {
        var request = await harness.RequestWithCardAsync(text);
        using (await harness.ClickAsync(SlackJit.Cards.CardKeys.ApproveAction, request.Id.ToString(), SlackJitHarness.Approver))
        {
        }
        return await harness.WaitForRequestAsync(request.Id, r => r.Status == SlackJit.Access.RequestStatus.Active, "the grant");
    }

    /// <summary>Every text of the view (sections, contexts, headers, buttons), joined by new lines, unescaped.</summary>
    public static string Text(JsonObject view) => string.Join('\n', Texts(view));

    /// <summary>(action_id, value) of every button in the view.</summary>
    public static IReadOnlyList<(string ActionId, string? Value)> Buttons(JsonObject view) =>
        [.. Nodes(view).OfType<JsonObject>().Where(o => (string?)o["type"] == "button").Select(b => ((string)b["action_id"]!, (string?)b["value"]))];

    public static bool HasButton(JsonObject view, string actionId, Guid id) => Buttons(view).Contains((actionId, id.ToString()));

    public static int BlockCount(JsonObject view) => view["blocks"]!.AsArray().Count;

    private static IEnumerable<string> Texts(JsonNode? node) =>
        Nodes(node).OfType<JsonObject>().Where(o => o["type"] is JsonValue t && (string?)t is "mrkdwn" or "plain_text").Select(o => (string?)o["text"] ?? "");

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).SelectMany(Nodes))
                {
                    yield return child;
                }
                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Nodes))
                {
                    yield return child;
                }
                break;
        }
    }
}
