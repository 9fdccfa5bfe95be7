using System.Net;
using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Slack.Transport;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.BreakGlass;

/// <summary>What the break-glass tests share: the settings, breaking the glass, the Acknowledge click, the form's submit.</summary>
internal static class BreakGlassFlow
{
    public const string OnCall = "U0ONCALL";
    public const string Command = "analytics-prod/reports 30m --break-glass INC-4211 <b>db</b> down & no approver awake";
    public const string EscapedReason = "INC-4211 &lt;b&gt;db&lt;/b&gt; down &amp; no approver awake";

    /// <summary>
    /// analytics allows break-glass (finance does not), reviews within an hour, reminders every 15 min (3 at most),
    /// escalation to <see cref="OnCall"/> after 40 min; the test sweeps by hand.
    /// </summary>
    public static void Configure(HarnessOptions o)
    {
        o.ManualSweeps = true;
        o.Settings["Access:Resources:0:BreakGlass"] = "true";
        o.Settings["Access:BreakGlass:ReviewWithin"] = "01:00:00";
        o.Settings["Access:Reminders:Interval"] = "00:15:00";
        o.Settings["Access:Reminders:Max"] = "3";
        o.Settings["Access:Resources:0:EscalationApprovers:0"] = OnCall;
        o.Settings["Access:Resources:0:EscalateAfter"] = "00:40:00";
    }

    public static async Task<SlackJitHarness> StartAsync(StoreKind store, DynaliteFixture dynalite, Action<HarnessOptions>? more = null)
    {
        var harness = await SlackJitHarness.StartAsync(o =>
        {
            Configure(o);
            more?.Invoke(o);
            o.UseStore(store, dynalite);
        });
        harness.Slack.AddUser(OnCall);
        return harness;
    }

    /// <summary>Breaks the glass with <paramref name="text"/> and waits until the grant is live with its card posted.</summary>
    public static async Task<AccessRequest> BreakGlassAsync(this SlackJitHarness harness, string text = Command)
    {
        var request = await harness.RequestWithCardAsync(text);
        return await harness.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active && r.Slack.DmTs is not null, "the break-glass grant to be live");
    }

    public static async Task AcknowledgeAsync(this SlackJitHarness harness, AccessRequest request, string user)
    {
        using var click = await harness.ClickAsync(RequestsSlackKeys.AcknowledgeAction, request.Id.ToString(), user, messageTs: request.Slack.CardTs!);
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
    }

    /// <summary>
    /// Submits the request form as Slack does: selects as <c>selected_option</c>, the text inputs as <c>value</c>, the
    /// break-glass checkbox as <c>selected_options</c> (ticked or empty). Returns the response's JSON.
    /// </summary>
    public static async Task<JsonObject> SubmitFormAsync(this SlackJitHarness harness, string resource, string duration, string reason, bool breakGlass)
    {
        var payload = SlackRequestSigner.ViewSubmission(
            RequestsSlackKeys.NewRequestCallback, RequestsFlow.Values((RequestsSlackKeys.ReasonBlock, reason)), null, Requester, TeamId);
        var values = payload["view"]!["state"]!["values"]!.AsObject();
        values[RequestsSlackKeys.ResourceBlock] = Selected(resource);
        values[RequestsSlackKeys.DurationBlock] = Selected(duration);
        var ticked = new JsonArray();
        if (breakGlass)
        {
            ticked.Add(new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Issue now" }, ["value"] = RequestsSlackKeys.BreakGlassValue });
        }
        values[RequestsSlackKeys.BreakGlassBlock] = new JsonObject { ["value"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = ticked } };
        using var response = await harness.Client.SendAsync(harness.Signer.Interaction(payload));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BodyAsync(response);
    }

    /// <summary>Replies in the card's thread, oldest first.</summary>
    public static IReadOnlyList<SlackCall> Thread(this SlackJitHarness harness, AccessRequest request) =>
        harness.Slack.Calls("chat.postMessage").Where(c => c.Ok && c.Arg("thread_ts") == request.Slack.CardTs && c.Arg("channel") == request.Slack.CardChannel).ToList();

    private static JsonObject Selected(string value) => new()
    {
        ["value"] = new JsonObject
        {
            ["type"] = "static_select",
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value },
        },
    };
}
