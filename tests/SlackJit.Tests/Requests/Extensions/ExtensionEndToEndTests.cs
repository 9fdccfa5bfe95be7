using System.Net;
using SlackJit.Access;
using ExtensionKeys = SlackJit.Cards.ExtensionKeys;
using SlackJit.Requests;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.Extensions;

/// <summary>
/// Asking for more time on a live grant, through the signed endpoints on both stores: the DM's button opens the form,
/// the submit posts an extension card the same approvers decide (self, N of M), approval re-issues credentials into
/// the same DM for the longer window, denial leaves the grant as it was.
/// </summary>
public sealed class ExtensionEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private static readonly string Dm = FakeSlackApi.DmChannelFor(Requester);

    private Task<SlackJitHarness> StartAsync(StoreKind store) =>
        SlackJitHarness.StartAsync(o =>
        {
            // The requester is listed as an approver too: self-approval is what refuses them.
            o.Settings["Access:Resources:0:Approvers:3"] = Requester;
            o.Settings["Lifecycle:SweeperEnabled"] = "false";
            o.Settings["Access:Reminders:Interval"] = "00:00:00";
            o.UseStore(store, dynalite);
        });

    /// <summary>Requests, approves with <paramref name="approvers"/> and waits for the credentials in the DM.</summary>
    private static async Task<AccessRequest> ActiveAsync(SlackJitHarness harness, string text, params string[] approvers)
    {
        var request = await harness.RequestWithCardAsync(text);
        foreach (var approver in approvers)
        {
            using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), approver);
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        return await harness.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active, "the grant");
    }

    private static async Task<HttpResponseMessage> AskAsync(SlackJitHarness harness, AccessRequest active, string duration, string reason, string user = Requester)
    {
        using (var click = await harness.ClickAsync(ExtensionKeys.Ask, active.Id.ToString(), user, channel: Dm, messageTs: active.Slack.DmTs!))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        var view = Assert.Single(harness.Slack.OpenedViews(), v => (string?)v["callback_id"] == ExtensionKeys.Callback);
        Assert.Equal(active.Id.ToString(), (string?)view["private_metadata"]);
        return await harness.SubmitViewAsync(
            ExtensionKeys.Callback,
            RequestsFlow.Values((ExtensionKeys.DurationBlock, duration), (ExtensionKeys.ReasonBlock, reason)),
            active.Id.ToString(),
            user);
    }

    private static Task<EmulatedMessage> ExtensionCardAsync(SlackJitHarness harness, AccessRequest request, string text) =>
        harness.WaitForAsync(() => Task.FromResult(harness.Slack.Messages(ApproverChannel)
            .FirstOrDefault(m => m.AllText.Contains($"More time for {request.ShortId}", StringComparison.Ordinal) && m.AllText.Contains(text, StringComparison.Ordinal))),
            $"the extension card to show '{text}'");

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Extension_Approved_ReissuesIntoTheSameDmForTheLongerWindow(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var active = await ActiveAsync(harness, "analytics-prod/reports 2h INC-4211 investigating", Approver);
        var firstSecret = Assert.Single(harness.Sts.Issued).SecretAccessKey;
        Assert.Contains("Ask for more time", harness.Slack.Message(Dm, active.Slack.DmTs!)!.AllText, StringComparison.Ordinal);
        harness.Time.Advance(TimeSpan.FromMinutes(30));

        using (var submit = await AskAsync(harness, active, "3h", "the <!channel> backfill is slower"))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
            Assert.Null((await SlackJitHarness.BodyAsync(submit))["errors"]);
        }
        var card = await ExtensionCardAsync(harness, active, "Waiting for approval");
        Assert.Contains("2h → *3h*", card.AllText, StringComparison.Ordinal);
        Assert.Contains("Reason: the <!channel> backfill is slower", CardText.Plain(card.Blocks));
        Assert.DoesNotContain("<!channel>", string.Join("\n", CardText.Mrkdwn(card.Blocks)), StringComparison.Ordinal);

        // The requester may not approve their own extension.
        using (await harness.ClickAsync(ExtensionKeys.Approve, active.Id.ToString(), Requester, messageTs: card.Ts))
        {
        }
        await harness.WaitForReplyAsync("You can't approve your own request");

        using (await harness.ClickAsync(ExtensionKeys.Approve, active.Id.ToString(), Approver, messageTs: card.Ts))
        {
        }
        var extended = await harness.WaitForRequestAsync(active.Id, r => r.Count(AuditActions.Extended) == 1, "the extended grant");
        var approvedAt = active.Approvals[^1].At;
        Assert.Equal(approvedAt + TimeSpan.FromHours(3), extended.Grant!.WindowEnd);
        Assert.Equal(TimeSpan.FromHours(3), extended.ApprovedDuration);
        Assert.Equal(2, extended.Grant.Issues);
        Assert.Equal(extended.Grant.WindowEnd, extended.DueAt);
        Assert.Equal(active.Slack.DmTs, extended.Slack.DmTs);
        var dm = harness.Slack.Message(Dm, active.Slack.DmTs!)!;
        Assert.Contains(harness.Sts.Issued[^1].SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(firstSecret, dm.AllText, StringComparison.Ordinal);
        Assert.Equal(
            [AuditActions.ExtensionRequested, AuditActions.ExtensionApproved, AuditActions.Extended],
            extended.Events.Select(e => e.Action).Where(a => a.StartsWith("extension", StringComparison.Ordinal) || a == AuditActions.Extended).Distinct());
        await ExtensionCardAsync(harness, active, $"*Extended* by <@{Approver}>");

        // The window now ends an hour later: the sweeper leaves it until then.
        harness.Time.Advance(approvedAt + TimeSpan.FromHours(2) - harness.Time.GetUtcNow());
        await harness.Services.GetRequiredService<SlackJit.Lifecycle.Sweeper>().SweepOnceAsync(CancellationToken.None);
        Assert.Equal(RequestStatus.Active, (await harness.Store.GetAsync(active.Id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Extension_Denied_LeavesTheGrantAsItWas(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var active = await ActiveAsync(harness, "analytics-prod/reports 2h INC-4211 investigating", Approver);

        using (await AskAsync(harness, active, "4h", "more time please"))
        {
        }
        var card = await ExtensionCardAsync(harness, active, "Waiting for approval");
        using (await harness.ClickAsync(ExtensionKeys.Deny, active.Id.ToString(), Outsider, messageTs: card.Ts))
        {
        }
        await harness.WaitForReplyAsync("Only approvers of analytics");
        using (await harness.ClickAsync(ExtensionKeys.Deny, active.Id.ToString(), SecondApprover, messageTs: card.Ts))
        {
        }

        await ExtensionCardAsync(harness, active, $"*Extension denied* by <@{SecondApprover}>");
        var denied = (await harness.Store.GetAsync(active.Id, CancellationToken.None))!;
        Assert.Equal(active.Grant, denied.Grant);
        Assert.Equal(TimeSpan.FromHours(2), denied.ApprovedDuration);
        Assert.Equal(1, denied.Count(AuditActions.ExtensionDenied));
        Assert.Single(harness.Sts.Issued);
        await harness.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Dm && (c.Arg("text") ?? "").Contains("denied more time", StringComparison.Ordinal));

        // Decided: a late approval is refused and changes nothing.
        using (await harness.ClickAsync(ExtensionKeys.Approve, active.Id.ToString(), Approver, messageTs: card.Ts))
        {
        }
        await harness.WaitForReplyAsync($"The extension of {active.ShortId} was already denied");
        Assert.Single(harness.Sts.Issued);
    }

    [Fact]
    public async Task Extension_TwoOfTwo_NeedsBothApproversAndCountsEachOnce()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        var active = await ActiveAsync(harness, "finance-data/reports/q1 1h INC-4211 quarter close", Approver, SecondApprover);

        using (await AskAsync(harness, active, "2h", "close is late"))
        {
        }
        var card = await ExtensionCardAsync(harness, active, "Waiting for approval");
        using (await harness.ClickAsync(ExtensionKeys.Approve, active.Id.ToString(), Approver, messageTs: card.Ts))
        {
        }
        await ExtensionCardAsync(harness, active, $"approved so far by <@{Approver}>");
        using (await harness.ClickAsync(ExtensionKeys.Approve, active.Id.ToString(), Approver, messageTs: card.Ts))
        {
        }
        await harness.WaitForReplyAsync("You already approved");
        Assert.Single(harness.Sts.Issued, c => true);
        Assert.Equal(TimeSpan.FromHours(1), (await harness.Store.GetAsync(active.Id, CancellationToken.None))!.ApprovedDuration);

        using (await harness.ClickAsync(ExtensionKeys.Approve, active.Id.ToString(), SecondApprover, messageTs: card.Ts))
        {
        }
        var extended = await harness.WaitForRequestAsync(active.Id, r => r.Count(AuditActions.Extended) == 1, "the extended grant");
        Assert.Equal(active.Approvals[^1].At + TimeSpan.FromHours(2), extended.Grant!.WindowEnd);
        Assert.Equal(1, extended.Count(AuditActions.ExtensionApprovalRecorded));
    }

    [Fact]
    public async Task Extension_BadInput_ClearInlineErrorsAndNothingChanges()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        var active = await ActiveAsync(harness, "analytics-prod/reports 2h INC-4211 investigating", Approver);

        foreach (var (duration, reason, block, message) in new[]
        {
            ("5h", "longer", ExtensionKeys.DurationBlock, "over the 4h maximum"),
            ("1h", "shorter", ExtensionKeys.DurationBlock, "under the"),
            ("soon", "what", ExtensionKeys.DurationBlock, "Write a duration like 3h"),
            ("3h", "  ", ExtensionKeys.ReasonBlock, "Say why you need more time"),
        })
        {
            harness.Slack.OpenedViews();
            using var response = await harness.SubmitViewAsync(
                ExtensionKeys.Callback, RequestsFlow.Values((ExtensionKeys.DurationBlock, duration), (ExtensionKeys.ReasonBlock, reason)), active.Id.ToString(), Requester);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await SlackJitHarness.BodyAsync(response);
            Assert.Equal("errors", (string?)body["response_action"]);
            Assert.Contains(message, (string?)body["errors"]![block], StringComparison.Ordinal);
        }

        // Someone else: the button refuses before any form, and a forged submit is refused too.
        using (await harness.ClickAsync(ExtensionKeys.Ask, active.Id.ToString(), Outsider, channel: Dm, messageTs: active.Slack.DmTs!))
        {
        }
        await harness.WaitForReplyAsync($"Only <@{Requester}> can extend {active.ShortId}");
        Assert.DoesNotContain(harness.Slack.OpenedViews(), v => (string?)v["callback_id"] == ExtensionKeys.Callback);
        using (var forged = await harness.SubmitViewAsync(
            ExtensionKeys.Callback, RequestsFlow.Values((ExtensionKeys.DurationBlock, "3h"), (ExtensionKeys.ReasonBlock, "mine now")), active.Id.ToString(), Outsider))
        {
            Assert.Contains("Only", (string?)(await SlackJitHarness.BodyAsync(forged))["errors"]![ExtensionKeys.DurationBlock], StringComparison.Ordinal);
        }

        var stored = (await harness.Store.GetAsync(active.Id, CancellationToken.None))!;
        Assert.Null(stored.Extension);
        Assert.Equal(0, stored.Count(AuditActions.ExtensionRequested));
    }

    [Fact]
    public async Task Extension_ApprovedButTheQueuedWorkIsLost_TheSweeperIssuesIt()
    {
        // Nothing queued to advance a request runs: issuing and the extension's credentials are left to the sweeper.
        var dropped = NSubstitute.Substitute.For<SlackJit.Lifecycle.IWorkHandler<SlackJit.Lifecycle.AdvanceRequest>>();
        await using var harness = await SlackJitHarness.StartAsync(o =>
        {
            o.Settings["Lifecycle:SweeperEnabled"] = "false";
            o.Settings["Access:Reminders:Interval"] = "00:00:00";
            o.Services = s => s.AddSingleton(dropped);
        });
        var sweeper = harness.Services.GetRequiredService<SlackJit.Lifecycle.Sweeper>();
        var request = await harness.RequestWithCardAsync();
        using (await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver))
        {
        }
        await sweeper.SweepOnceAsync(CancellationToken.None);
        var active = await harness.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active, "the grant");

        using (await AskAsync(harness, active, "3h", "slow backfill"))
        {
        }
        var card = await ExtensionCardAsync(harness, active, "Waiting for approval");
        using (await harness.ClickAsync(ExtensionKeys.Approve, active.Id.ToString(), Approver, messageTs: card.Ts))
        {
        }
        var approved = await harness.WaitForRequestAsync(active.Id, r => r.Count(AuditActions.ExtensionApproved) == 1, "the approval");
        Assert.True(SlackJit.Access.Transitions.NeedsExtendedCredentials(approved));
        Assert.Single(harness.Sts.Issued);

        Assert.Equal(1, await sweeper.SweepOnceAsync(CancellationToken.None));

        var extended = (await harness.Store.GetAsync(active.Id, CancellationToken.None))!;
        Assert.Equal(active.Approvals[^1].At + TimeSpan.FromHours(3), extended.Grant!.WindowEnd);
        Assert.Equal(2, harness.Sts.Issued.Count);
        Assert.Contains(harness.Sts.Issued[^1].SecretAccessKey, harness.Slack.Message(Dm, active.Slack.DmTs!)!.AllText, StringComparison.Ordinal);
        Assert.Equal(0, await sweeper.SweepOnceAsync(CancellationToken.None));
    }
}
