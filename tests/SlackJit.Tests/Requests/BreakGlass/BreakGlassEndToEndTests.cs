using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Requests.Reminders;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.BreakGlass;

/// <summary>
/// Break-glass through the signed endpoints against the fake Slack and STS, on both stores: issued at once without
/// any approval (credentials in the DM, a loud card for the approvers), refused clearly (entry, duration, reason) by
/// command and by form, and acknowledged only by an approver who is not the requester.
/// </summary>
public sealed class BreakGlassEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Command_BreakGlass_CredentialsInTheDmWithoutApprovalAndALoudCard(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);

        var ack = await harness.AskAsync(BreakGlassFlow.Command);
        var request = await harness.WaitForAsync(async () =>
            (await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None))
                .SingleOrDefault(r => r.Status == RequestStatus.Active && r.Slack.DmTs is not null && r.Slack.CardTs is not null), "the break-glass grant to be live");

        Assert.Contains($":rotating_light: *Break-glass* *{request.ShortId}*", (string?)ack["text"], StringComparison.Ordinal);
        Assert.Contains("must acknowledge it by", (string?)ack["text"], StringComparison.Ordinal);
        // Issued already: nothing to cancel or nudge.
        Assert.Empty(CardText.Buttons(ack["blocks"]?.AsArray()));
        Assert.Empty(request.Approvals);
        Assert.Equal(TimeSpan.FromMinutes(30), request.ApprovedDuration);
        Assert.Equal(new BreakGlassReview(Start, Start + TimeSpan.FromHours(1)), request.BreakGlass);
        Assert.Equal(["created", "break-glass", "issue-claimed", "issued"], request.Events.Select(e => e.Action).Where(a => a != AuditActions.SlackRefs));
        Assert.Equal(Start + TimeSpan.FromMinutes(30), request.Grant!.WindowEnd);
        // The credentials reached the requester's DM, and nobody approved anything.
        Assert.Contains(harness.Slack.Messages(FakeSlackApi.DmChannelFor(Requester)), m => m.AllText.Contains(request.Grant.AccessKeyId, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == ApproverChannel && (c.Arg("text") ?? "").Contains(request.Grant.AccessKeyId, StringComparison.Ordinal));
        // The loud card: who, why (escaped), Acknowledge and Revoke.
        var card = await harness.WaitForCardAsync(request, "Access is *live*");
        Assert.Equal(ApproverChannel, request.Slack.CardChannel);
        Assert.Contains($":rotating_light: *BREAK-GLASS* by <@{Requester}>: {BreakGlassFlow.EscapedReason}", card.AllText, StringComparison.Ordinal);
        Assert.StartsWith($":rotating_light: *BREAK-GLASS* by <@{Requester}>", card.Text, StringComparison.Ordinal);
        Assert.Equal([RequestsSlackKeys.AcknowledgeAction, SlackJit.Cards.CardKeys.RevokeAction], CardText.Buttons(card.Blocks).Select(b => (string?)b["action_id"]));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Command_PendingCapFull_BreakGlassStillIssuedButTheHourlyCapHolds(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite, o =>
        {
            o.Settings["Access:MaxPendingPerRequester"] = "1";
            o.Settings["Access:MaxRequestsPerHour"] = "2";
        });
        var waiting = await harness.AskAsync("analytics-prod/reports 1h INC-1 routine look");
        var refused = await harness.AskAsync("analytics-prod/reports 1h INC-2 another look");

        // The one pending slot is taken, yet the emergency goes through: a break-glass request is never pending.
        var request = await harness.BreakGlassAsync();
        var overHour = await harness.AskAsync(BreakGlassFlow.Command);

        Assert.Contains("waiting", (string?)refused["text"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.NotNull(request.BreakGlass);
        Assert.StartsWith(":no_entry:", (string?)overHour["text"], StringComparison.Ordinal);
        Assert.Contains("hour", (string?)overHour["text"], StringComparison.OrdinalIgnoreCase);
        var mine = await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None);
        Assert.Equal(2, mine.Count);
        Assert.NotNull(waiting["text"]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Command_Refusals_ClearAndNothingStoredPostedOrIssued(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);

        var notAllowed = await harness.AskAsync("finance-data/reports/q1 30m --break-glass INC-1 outage");
        var tooLong = await harness.AskAsync("analytics-prod/reports 2h --break-glass INC-1 outage");
        var noReason = await harness.AskAsync("analytics-prod/reports 30m --break-glass");

        Assert.Equal(":no_entry: finance does not allow break-glass: request it without `--break-glass` and an approver decides.", (string?)notAllowed["text"]);
        Assert.StartsWith(":no_entry: Break-glass access lasts at most 1h; 2h is too long.", (string?)tooLong["text"], StringComparison.Ordinal);
        Assert.StartsWith(":no_entry: Break-glass needs a reason", (string?)noReason["text"], StringComparison.Ordinal);
        Assert.All([notAllowed, tooLong, noReason], a => Assert.Equal("ephemeral", (string?)a["response_type"]));
        Assert.Empty(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        await harness.WaitForQueueAsync();
        Assert.Empty(harness.Slack.Messages(ApproverChannel));
        Assert.Empty(harness.Sts.Calls);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Form_Checkbox_RefusalsUnderTheirFieldsThenIssuedWithoutApproval(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);
        using (var open = await harness.CommandAsync(""))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, open.StatusCode);
        }
        var form = Assert.Single(harness.Slack.OpenedViews());
        Assert.Contains(form["blocks"]!.AsArray(), b => (string?)b!["block_id"] == RequestsSlackKeys.BreakGlassBlock);

        var notAllowed = await harness.SubmitFormAsync("finance", "30m", "INC-1 outage", breakGlass: true);
        var tooLong = await harness.SubmitFormAsync("analytics", "2h", "INC-1 outage", breakGlass: true);
        var noReason = await harness.SubmitFormAsync("analytics", "30m", "", breakGlass: true);

        Assert.Equal("errors", (string?)notAllowed["response_action"]);
        Assert.StartsWith("finance does not allow break-glass", (string?)notAllowed["errors"]![RequestsSlackKeys.BreakGlassBlock], StringComparison.Ordinal);
        Assert.StartsWith("Break-glass access lasts at most 1h", (string?)tooLong["errors"]![RequestsSlackKeys.DurationBlock], StringComparison.Ordinal);
        Assert.StartsWith("Break-glass needs a reason", (string?)noReason["errors"]![RequestsSlackKeys.ReasonBlock], StringComparison.Ordinal);
        Assert.Empty(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));

        // Unticked, the same entry is an ordinary request waiting for approval; ticked, it is issued at once.
        var ordinary = await harness.SubmitFormAsync("analytics", "2h", "INC-1 outage", breakGlass: false);
        var issued = await harness.SubmitFormAsync("analytics", "30m", "INC-1 outage", breakGlass: true);

        // Accepted: the form closes (no errors).
        Assert.False(ordinary.ContainsKey("errors"), ordinary.ToJsonString());
        Assert.False(issued.ContainsKey("errors"), issued.ToJsonString());
        var mine = await harness.WaitForAsync(async () =>
        {
            var all = await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None);
            return all.Count == 2 && all.Any(r => r.Status == RequestStatus.Active) ? all : null;
        }, "the break-glass grant from the form to be live");
        Assert.Single(mine, r => r.Status == RequestStatus.Pending && r.BreakGlass is null);
        var grant = Assert.Single(mine, r => r.BreakGlass is not null);
        Assert.Empty(grant.Approvals);
        await harness.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmChannelFor(Requester) && (c.Arg("text") ?? "").Contains("Break-glass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Command_ApproverChannelMisconfigured_GrantIssuedRequesterToldAndALaterSweepPostsTheCard()
    {
        const string channel = "C0BROKEN";
        await using var harness = await BreakGlassFlow.StartAsync(StoreKind.Sqlite, dynalite, o => o.Settings["Slack:ApproverChannel"] = channel);
        harness.Slack.AddChannelWithoutBot(channel);

        await harness.AskAsync(BreakGlassFlow.Command);

        var told = await harness.WaitForReplyAsync("couldn't alert the approvers' channel (`not_in_channel`)");
        Assert.Contains("Slack:ApproverChannel", told.Arg("text"), StringComparison.Ordinal);
        var issued = await harness.WaitForAsync(async () =>
            (await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None))
                .SingleOrDefault(r => r.Status == RequestStatus.Active && r.Slack.DmTs is not null), "the grant without its card");
        Assert.Null(issued.Slack.CardTs);

        // The operator invites the bot; a sweep after the card's retry delay posts the loud card.
        harness.Slack.AddChannel(channel);
        harness.Time.Advance(SlackJit.Cards.ApprovalCards.MisconfiguredRetry);
        await harness.SweepAsync();
        var posted = await harness.GetAsync(issued.Id);
        Assert.Equal(channel, posted.Slack.CardChannel);
        Assert.Contains($"*BREAK-GLASS* by <@{Requester}>", harness.Card(posted).AllText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sweep_CardRefusedAtRunTime_RetriedWithBackOffAuditedOnceAndOverdueWithoutTheCard(StoreKind store)
    {
        const string channel = "C0GONE";
        await using var harness = await BreakGlassFlow.StartAsync(
            store, dynalite, o => (o.Settings["Slack:ApproverChannel"], o.CaptureLogsAt) = (channel, Microsoft.Extensions.Logging.LogLevel.Warning));
        int Attempts() => harness.Slack.Calls("chat.postMessage").Count(c => c.Arg("channel") == channel);

        await harness.AskAsync(BreakGlassFlow.Command);
        await harness.WaitForReplyAsync("couldn't alert the approvers' channel (`channel_not_found`)");
        var issued = await harness.WaitForAsync(async () =>
            (await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None))
                .SingleOrDefault(r => r.Status == RequestStatus.Active && r.Slack.DmTs is not null), "the grant without its card");
        await harness.WaitForQueueAsync();
        issued = await harness.GetAsync(issued.Id);
        Assert.Null(issued.Slack.CardTs);
        Assert.Equal(1, issued.Count(AuditActions.CardFailed));
        // Due again when the card is retried (five minutes on), not at once.
        Assert.Equal(Start + TimeSpan.FromMinutes(5), issued.DueAt);

        // A sweep every minute for the review's hour: the card is tried every five minutes, the failure is on record
        // once, and the grant runs its course (expired at 09:30) untouched.
        for (var minute = 1; minute < 60; minute++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            await harness.SweepAsync();
        }
        var beforeDeadline = await harness.GetAsync(issued.Id);
        Assert.Equal(1 + 11, Attempts());
        Assert.Equal(1, beforeDeadline.Count(AuditActions.CardFailed));
        // The requester was told once, not at every try.
        Assert.Single(harness.Slack.Calls(FakeSlackApi.ResponseUrlMethod), c => (c.Arg("text") ?? "").Contains("couldn't alert the approvers' channel", StringComparison.Ordinal));
        Assert.Equal(RequestStatus.Expired, beforeDeadline.Status);
        Assert.Single(harness.Sts.Issued);
        Assert.Null(beforeDeadline.BreakGlass!.OverdueAt);

        // 10:00, the review deadline without a card: marked overdue all the same, in the trail and the log.
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.SweepAsync();
        var overdue = await harness.GetAsync(issued.Id);
        Assert.Equal(Start + TimeSpan.FromHours(1), overdue.BreakGlass!.OverdueAt);
        Assert.Equal(1, overdue.Count(AuditActions.BreakGlassOverdue));
        Assert.Contains(harness.Logs!.Collector.GetSnapshot(), l => l.Id.Id == 5303 && l.Message.Contains(issued.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(1, overdue.Count(AuditActions.CardFailed));

        // The operator fixes the channel: the next retry posts the card, which says the review is overdue; then nothing is due.
        harness.Slack.AddChannel(channel);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.SweepAsync();
        var posted = await harness.GetAsync(issued.Id);
        Assert.Equal(channel, posted.Slack.CardChannel);
        await harness.WaitForCardAsync(posted, "*OVERDUE*");
        Assert.Null(posted.DueAt);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Acknowledge_RequesterAndOutsiderRefusedAndCounted_ApproverRecordedOnTheCard(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);
        var request = await harness.BreakGlassAsync();

        await harness.AcknowledgeAsync(request, Requester);
        await harness.WaitForReplyAsync("You can't acknowledge your own break-glass grant");
        await harness.AcknowledgeAsync(request, Requester);
        await harness.AcknowledgeAsync(request, Outsider);
        await harness.WaitForReplyAsync("Only approvers of analytics");

        var refused = await harness.GetAsync(request.Id);
        Assert.Null(refused.BreakGlass!.AcknowledgedBy);
        Assert.Equal(2, refused.Count(AuditActions.AcknowledgeRefused));
        Assert.Equal(2, refused.RefusedClicks[$"{AuditActions.AcknowledgeRefused} {Requester}"]);
        Assert.Equal(1, refused.RefusedClicks[$"{AuditActions.AcknowledgeRefused} {Outsider}"]);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.AcknowledgeAsync(request, GroupApprover);
        var card = await harness.WaitForCardAsync(request, $"*Acknowledged* by <@{GroupApprover}>");
        var acknowledged = await harness.GetAsync(request.Id);
        Assert.Equal((GroupApprover, Start + TimeSpan.FromMinutes(5)), (acknowledged.BreakGlass!.AcknowledgedBy, acknowledged.BreakGlass.AcknowledgedAt));
        Assert.Equal(1, acknowledged.Count(AuditActions.BreakGlassAcknowledged));
        Assert.DoesNotContain(CardText.Buttons(card.Blocks), b => (string?)b["action_id"] == RequestsSlackKeys.AcknowledgeAction);

        await harness.AcknowledgeAsync(request, Approver);
        await harness.WaitForReplyAsync($"already acknowledged by <@{GroupApprover}>");
        Assert.Equal(1, (await harness.GetAsync(request.Id)).Count(AuditActions.BreakGlassAcknowledged));
    }
}
