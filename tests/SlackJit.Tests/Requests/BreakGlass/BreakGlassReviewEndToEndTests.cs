using Microsoft.Extensions.Logging;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Requests.Reminders;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.BreakGlass;

/// <summary>
/// The review of a break-glass grant through the sweeper on a moved clock, on both stores: reminders in the card's
/// thread at the interval, going on after the grant expired; escalation; one overdue note at the review deadline and
/// nothing after; nothing at all once an approver acknowledged it; never twice when sweepers race.
/// </summary>
public sealed class BreakGlassReviewEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sweep_Unacknowledged_RemindsEscalatesAndGoesOverdueOnceWhileTheGrantExpires(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite, o => o.CaptureLogsAt = LogLevel.Warning);
        var request = await harness.BreakGlassAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(14));
        await harness.SweepAsync();
        Assert.Empty(harness.Thread(request));

        // 09:15: the first reminder names the entry's approvers (the group as a group), never the requester.
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.SweepAsync();
        var first = Assert.Single(harness.Thread(request)).Arg("text")!;
        Assert.Contains($"<@{Approver}>, <@{SecondApprover}>, <!subteam^{ApproverGroup}>", first, StringComparison.Ordinal);
        Assert.Contains("*break-glass* grant", first, StringComparison.Ordinal);
        Assert.Contains("reminder 1 of 3", first, StringComparison.Ordinal);
        Assert.DoesNotContain($"<@{Requester}>:", first, StringComparison.Ordinal);

        // 09:30: the 30-minute grant expires by itself; the review goes on.
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        await harness.SweepAsync();
        var expired = await harness.GetAsync(request.Id);
        Assert.Equal(RequestStatus.Expired, expired.Status);
        Assert.Equal(2, harness.Thread(request).Count);
        Assert.Equal(Start + TimeSpan.FromMinutes(40), expired.DueAt);

        // 09:40: escalated — the card again, for the on-call approver, in the same channel.
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.SweepAsync();
        var escalated = await harness.GetAsync(request.Id);
        Assert.NotNull(escalated.Reminders.EscalationTs);
        var again = harness.Slack.Message(ApproverChannel, escalated.Reminders.EscalationTs!)!;
        // Posted with the escalation notice, then kept in step with the first card: both say whom it escalated to.
        Assert.Contains(harness.Slack.Calls("chat.postMessage"), c => (c.Arg("text") ?? "").StartsWith($":rotating_light: *Escalated:* <@{BreakGlassFlow.OnCall}>", StringComparison.Ordinal));
        Assert.Contains($"escalated <!date^{(Start + TimeSpan.FromMinutes(40)).ToUnixTimeSeconds()}", again.AllText, StringComparison.Ordinal);
        Assert.Contains($"to <@{BreakGlassFlow.OnCall}>", harness.Card(request).AllText, StringComparison.Ordinal);
        Assert.Contains($"*BREAK-GLASS* by <@{Requester}>", again.AllText, StringComparison.Ordinal);

        // 09:45: the third and last reminder names the on-call approver too.
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.SweepAsync();
        Assert.Contains($"<@{BreakGlassFlow.OnCall}>", harness.Thread(request)[^1].Arg("text"), StringComparison.Ordinal);
        Assert.Equal(3, harness.Thread(request).Count);

        // 10:00: the review deadline: one loud note, the card says so, a warning in the log, the trail has it.
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        await harness.SweepAsync();
        var overdue = await harness.GetAsync(request.Id);
        Assert.Equal(4, harness.Thread(request).Count);
        Assert.StartsWith(":warning: *OVERDUE:*", harness.Thread(request)[^1].Arg("text"), StringComparison.Ordinal);
        Assert.Equal(Start + TimeSpan.FromHours(1), overdue.BreakGlass!.OverdueAt);
        Assert.Equal(1, overdue.Count(AuditActions.BreakGlassOverdue));
        await harness.WaitForCardAsync(request, "*OVERDUE*");
        Assert.Contains(harness.Logs!.Collector.GetSnapshot(), l => l.Id.Id == 5303 && l.Level == LogLevel.Warning && l.Message.Contains(request.Id.ToString(), StringComparison.Ordinal));
        Assert.Null(overdue.DueAt);

        // Nothing more is due; a late acknowledgement (by the escalation approver) is still recorded, as late.
        harness.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await harness.SweepAsync());
        Assert.Equal(4, harness.Thread(request).Count);
        await harness.AcknowledgeAsync(request, BreakGlassFlow.OnCall);
        await harness.WaitForCardAsync(request, $"*Acknowledged* by <@{BreakGlassFlow.OnCall}>");
        var late = await harness.GetAsync(request.Id);
        Assert.StartsWith("late", late.Events.Last(e => e.Action == AuditActions.BreakGlassAcknowledged).Detail, StringComparison.Ordinal);
        Assert.Equal(3, late.Count(AuditActions.Reminded));
        Assert.Equal(1, late.Count(AuditActions.Escalated));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sweep_GrantEndsBetweenTwoReviewSteps_ExpiredAtItsWindowEndNotAtTheNextStep(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);
        var request = await harness.BreakGlassAsync(BreakGlassFlow.Command.Replace(" 30m ", " 20m ", StringComparison.Ordinal));

        // 09:15: the first reminder; 09:20: the 20-minute window ends, ten minutes before the next reminder.
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        await harness.SweepAsync();
        Assert.Single(harness.Thread(request));
        Assert.Equal(Start + TimeSpan.FromMinutes(20), (await harness.GetAsync(request.Id)).DueAt);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.SweepAsync();

        var expired = await harness.GetAsync(request.Id);
        Assert.Equal(RequestStatus.Expired, expired.Status);
        Assert.Single(harness.Thread(request));
        Assert.Equal(Start + TimeSpan.FromMinutes(30), expired.DueAt);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sweep_Acknowledged_NoReminderEscalationOrOverdueAndNothingLeftDue(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);
        var request = await harness.BreakGlassAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.AcknowledgeAsync(request, Approver);
        await harness.WaitForCardAsync(request, $"*Acknowledged* by <@{Approver}>");
        foreach (var minutes in new[] { 10, 15, 10, 5, 15, 60 })
        {
            harness.Time.Advance(TimeSpan.FromMinutes(minutes));
            await harness.SweepAsync();
        }

        Assert.Empty(harness.Thread(request));
        var stored = await harness.GetAsync(request.Id);
        Assert.Equal(RequestStatus.Expired, stored.Status);
        Assert.Null(stored.DueAt);
        Assert.Null(stored.BreakGlass!.OverdueAt);
        Assert.Equal(0, stored.Count(AuditActions.Reminded) + stored.Count(AuditActions.Escalated) + stored.Count(AuditActions.BreakGlassOverdue));
        var card = harness.Card(request);
        Assert.Contains("Access *ended*", card.AllText, StringComparison.Ordinal);
        Assert.Contains($"*Acknowledged* by <@{Approver}>", card.AllText, StringComparison.Ordinal);
        Assert.Empty(CardText.Buttons(card.Blocks));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sweep_RevokedGrantsReviewSteps_OnlyReviewWorkAndTheDueTimeMovesOn(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);
        var request = await harness.BreakGlassAsync("analytics-prod/reports 50m --break-glass INC-4211 db down");

        // 09:05: an approver revokes the live grant; AWS denies it, and one interval later the deny is checked again.
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        using (var click = await harness.ClickAsync(SlackJit.Cards.CardKeys.RevokeAction, request.Id.ToString(), Approver, messageTs: request.Slack.CardTs!))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, click.StatusCode);
        }
        await harness.WaitForRequestAsync(request.Id, r => r.Revocation?.IsEnforced == true, "the revocation in AWS");
        await harness.WaitForQueueAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.SweepAsync();
        var revoked = await harness.GetAsync(request.Id);
        Assert.Equal((RequestStatus.Ended, 2), (revoked.Status, revoked.Count(AuditActions.RevocationEnforced)));
        var iamCalls = harness.Iam.Calls.Count;

        // Reminders at 09:15, 09:30 and 09:45 and the escalation at 09:40 are review work only: no IAM call, no
        // revocation event, and each leaves the request due at the review's next step.
        foreach (var (at, nextDue) in new[] { (15, 30), (30, 40), (40, 45), (45, 50) })
        {
            harness.Time.Advance(Start + TimeSpan.FromMinutes(at) - harness.Time.GetUtcNow());
            await harness.SweepAsync();
            var after = await harness.GetAsync(request.Id);
            Assert.Equal(iamCalls, harness.Iam.Calls.Count);
            Assert.Equal(2, after.Count(AuditActions.RevocationEnforced));
            Assert.Equal(Start + TimeSpan.FromMinutes(nextDue), after.DueAt);
        }
        Assert.Equal(3, harness.Thread(request).Count(c => (c.Arg("text") ?? "").Contains("reminder", StringComparison.Ordinal)));

        // 09:50: the credentials expire: the revocation's own last check (the deny is pruned), once.
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.SweepAsync();
        var pruned = await harness.GetAsync(request.Id);
        Assert.True(harness.Iam.Calls.Count > iamCalls);
        Assert.Equal(3, pruned.Count(AuditActions.RevocationEnforced));
        Assert.Equal(Start + TimeSpan.FromHours(1), pruned.DueAt);

        // 10:00: overdue, still no IAM call; nothing due afterwards.
        iamCalls = harness.Iam.Calls.Count;
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.SweepAsync();
        var overdue = await harness.GetAsync(request.Id);
        Assert.Equal((1, 3), (overdue.Count(AuditActions.BreakGlassOverdue), overdue.Count(AuditActions.RevocationEnforced)));
        Assert.Equal(iamCalls, harness.Iam.Calls.Count);
        Assert.Null(overdue.DueAt);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sweep_FourSweepersAtOnce_EachReminderAndTheOverdueNotePostedOnce(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite, o => o.Settings["Access:Reminders:Max"] = "1");
        var request = await harness.BreakGlassAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(15));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => harness.SweepAsync())));
        harness.Time.Advance(TimeSpan.FromMinutes(45));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => harness.SweepAsync())));

        var stored = await harness.GetAsync(request.Id);
        Assert.Equal(1, stored.Count(AuditActions.Reminded));
        Assert.Equal(1, stored.Count(AuditActions.BreakGlassOverdue));
        Assert.Equal(2, harness.Thread(request).Count(c => !(c.Arg("text") ?? "").Contains("Escalated", StringComparison.Ordinal)));
    }
}
