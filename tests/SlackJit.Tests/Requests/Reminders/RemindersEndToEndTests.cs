using System.Net;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.Reminders;

/// <summary>
/// Reminders in the card's thread, through the signed endpoints and the sweeper on a moved clock, on both stores:
/// at the interval, naming only who has not decided, at most <c>Access:Reminders:Max</c>, never twice.
/// </summary>
public sealed class RemindersEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private const string Finance = "finance-data/reports/q1 1h INC-4211 quarter close";

    private Task<SlackJitHarness> StartAsync(StoreKind store, string interval = "00:10:00", string max = "2") =>
        SlackJitHarness.StartAsync(o =>
        {
            o.Settings["Lifecycle:SweeperEnabled"] = "false";
            o.Settings["Access:Reminders:Interval"] = interval;
            o.Settings["Access:Reminders:Max"] = max;
            o.UseStore(store, dynalite);
        });

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Sweep_PendingRequest_RemindsInTheCardThreadAtEachIntervalUpToMax(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var request = await harness.RequestWithCardAsync(Finance);
        Assert.Equal(Start.AddMinutes(10), request.DueAt);

        harness.Time.Advance(TimeSpan.FromMinutes(9));
        await harness.SweepAsync();
        Assert.Empty(harness.ThreadReplies(request));

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.SweepAsync();
        var first = Assert.Single(harness.ThreadReplies(request));
        Assert.Contains($"<@{Approver}>", first.Arg("text"), StringComparison.Ordinal);
        Assert.Contains($"<@{SecondApprover}>", first.Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain(Requester, first.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("reminder 1 of 2", first.Arg("text"), StringComparison.Ordinal);

        // One approval of two: the next reminder names only who has not decided.
        using (var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.SweepAsync();
        var second = harness.ThreadReplies(request)[^1];
        Assert.Equal(2, harness.ThreadReplies(request).Count);
        Assert.Contains($"<@{SecondApprover}>", second.Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain($"<@{Approver}>", second.Arg("text"), StringComparison.Ordinal);

        // Max reached: nothing more, and the request is next due at its deadline only.
        harness.Time.Advance(TimeSpan.FromMinutes(20));
        await harness.SweepAsync();
        Assert.Equal(2, harness.ThreadReplies(request).Count);
        var stored = await harness.GetAsync(request.Id);
        Assert.Equal(2, stored.Count(AuditActions.Reminded));
        Assert.Equal(stored.Deadline, stored.DueAt);
        Assert.Equal(RequestStatus.Pending, stored.Status);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Sweep_TwoSweepersAtOnce_PostEachReminderOnce(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var request = await harness.RequestWithCardAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(harness.SweepAsync)));

        Assert.Single(harness.ThreadReplies(request));
        Assert.Equal(1, (await harness.GetAsync(request.Id)).Count(AuditActions.Reminded));
    }

    [Fact]
    public async Task Sweep_ReminderMentionsAGroup_AsASubteamMention()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        var request = await harness.RequestWithCardAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.SweepAsync();

        Assert.Contains($"<!subteam^{ApproverGroup}>", Assert.Single(harness.ThreadReplies(request)).Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_RemindersOff_NoReplyAndNoNudgeButton()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite, interval: "00:00:00");
        var ack = await harness.AskAsync("analytics-prod/reports 2h INC-4211 investigating");
        var request = await harness.RequestWithCardAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(59));
        await harness.SweepAsync();

        Assert.Empty(harness.ThreadReplies(request));
        Assert.Equal(request.Deadline, (await harness.GetAsync(request.Id)).DueAt);
        Assert.DoesNotContain(RequestsSlackKeys.NudgeAction, ack.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_DecidedRequest_IsNotReminded()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        var request = await harness.RequestWithCardAsync();
        using (await harness.ClickAsync(RequestsSlackKeys.DenyAction, request.Id.ToString(), Approver))
        {
        }
        await harness.SubmitViewAsync(RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values((RequestsSlackKeys.DenyReasonBlock, "not now")), request.Id.ToString(), Approver);
        await harness.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Denied, "the denial");

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.SweepAsync();

        Assert.Empty(harness.ThreadReplies(request));
    }
}
