using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Lifecycle;
using SlackJit.Storage;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Grants;
using static SlackJit.Tests.Grants.GrantApp;

namespace SlackJit.Tests.Lifecycle;

/// <summary>The sweeper against the whole app, driven step by step on the fake clock.</summary>
public sealed class SweeperTests
{
    private static readonly TimeSpan Lease = LifecycleOptions.DefaultIssueLease;

    [Fact]
    public async Task SweepOnceAsync_ApprovedNeverClaimed_IssuesIt()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        Assert.Equal(1, await app.SweepAsync());

        Assert.Equal(RequestStatus.Active, (await app.GetAsync(approved.Id)).Status);
        Assert.Equal(0, await app.SweepAsync());
    }

    [Fact]
    public async Task SweepOnceAsync_ActivePastItsWindow_ExpiresAndScrubsTheDm()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        var issued = Assert.Single(app.Harness.Sts.Issued);
        var token = Assert.Single(app.Harness.Federation.Tokens);

        app.Harness.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await app.SweepAsync());

        var expired = await app.GetAsync(active.Id);
        Assert.Equal(RequestStatus.Expired, expired.Status);
        Assert.Null(expired.DueAt);
        var dm = app.Dm();
        foreach (var secret in new[] { issued.SecretAccessKey, issued.SessionToken, issued.AccessKeyId, token })
        {
            Assert.DoesNotContain(secret, dm.AllText, StringComparison.Ordinal);
        }
        Assert.Contains("has ended", dm.AllText, StringComparison.Ordinal);
        Assert.Empty(GrantIssuingTests.Buttons(dm.Blocks));
        await app.Cards.Received(1).UpdateAsync(Arg.Is<AccessRequest>(r => r.Status == RequestStatus.Expired), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SweepOnceAsync_ActiveBeforeItsWindowEnds_LeavesItAlone()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));

        app.Harness.Time.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(0, await app.SweepAsync());

        Assert.Equal(RequestStatus.Active, (await app.GetAsync(active.Id)).Status);
    }

    [Fact]
    public async Task SweepOnceAsync_ExpiryWhileSlackFails_ExpiresAndRetriesTheDmAfterTheBackOff()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        app.Harness.Time.Advance(TimeSpan.FromHours(2));
        app.Slack.Inject("chat.update", SlackFault.Error("fatal_error"));

        await app.SweepAsync();

        var failing = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Failing), (failing.Status, failing.DmCleanup?.State));
        Assert.True(failing.DueAt > app.Harness.Time.GetUtcNow(), "a request whose DM could not be cleaned must not be read again at once");

        app.Harness.Time.Advance(LifecycleOptions.DefaultDmCleanupRetryDelay);
        Assert.Equal(1, await app.SweepAsync());
        var cleaned = await app.GetAsync(active.Id);
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Edited), (cleaned.Status, cleaned.DmCleanup?.State));
        Assert.DoesNotContain(app.Harness.Sts.Issued[0].SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepOnceAsync_IssuingWithExpiredLeaseAndADm_ReissuesIntoTheSameDm()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));
        // A worker claimed it, posted and recorded the DM, then died before STS answered.
        var claimed = (await app.Store.ApplyAsync(
            Transitions.ClaimIssuance(approved, app.Harness.Time.GetUtcNow(), Lease).Transition!, Ct)).Current!;
        await using (var scope = app.Harness.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<GrantDm>().EnsureAsync(claimed, _ => true, Ct));
        }

        Assert.Equal(0, await app.SweepAsync());
        app.Harness.Time.Advance(Lease);
        Assert.Equal(1, await app.SweepAsync());

        var active = await app.GetAsync(approved.Id);
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Equal(2, active.IssueAttempts);
        Assert.Single(app.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == DmChannel);
        Assert.Contains(Assert.Single(app.Harness.Sts.Issued).SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepOnceAsync_CrashedTooOften_FailsWithoutCallingSts()
    {
        await using var app = await StartAsync(o => o.Settings["Lifecycle:MaxIssueAttempts"] = "2");
        var request = await app.CreateApprovedAsync(TimeSpan.FromHours(2));
        for (var i = 0; i < 2; i++)
        {
            request = (await app.Store.ApplyAsync(Transitions.ClaimIssuance(request, app.Harness.Time.GetUtcNow(), Lease).Transition!, Ct)).Current!;
            app.Harness.Time.Advance(Lease);
        }

        Assert.Equal(1, await app.SweepAsync());

        var failed = await app.GetAsync(request.Id);
        Assert.Equal(RequestStatus.Failed, failed.Status);
        Assert.Contains("/TooManyAttempts", failed.Outcome, StringComparison.Ordinal);
        Assert.Contains("2 attempts", failed.Events.Single(e => e.Action == AuditActions.Failed).Detail, StringComparison.Ordinal);
        Assert.Empty(app.Harness.Sts.Calls);
        Assert.Contains("could not be issued", app.Dm().AllText, StringComparison.Ordinal);
        await app.Cards.Received(1).UpdateAsync(Arg.Is<AccessRequest>(r => r.Status == RequestStatus.Failed), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SweepOnceAsync_TwoSweepsAtOnce_CallStsOnce()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));
        var sweeper = app.Harness.Services.GetRequiredService<Sweeper>();

        var counts = await Task.WhenAll(Task.Run(() => sweeper.SweepOnceAsync(Ct)), Task.Run(() => sweeper.SweepOnceAsync(Ct)));

        Assert.Single(app.Harness.Sts.Calls);
        Assert.Equal(1, counts.Sum());
        Assert.Single(app.Slack.Calls("chat.postMessage"));
        Assert.Equal(RequestStatus.Active, (await app.GetAsync(approved.Id)).Status);
    }

    [Fact]
    public async Task SweepOnceAsync_PendingPastDeadline_TimesOutAndTellsTheRequesterAndTheCard()
    {
        await using var app = await StartAsync();
        var pending = await app.CreatePendingAsync(TimeSpan.FromHours(1));

        app.Harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await app.SweepAsync());

        var timedOut = await app.GetAsync(pending.Id);
        Assert.Equal(RequestStatus.TimedOut, timedOut.Status);
        Assert.Null(timedOut.DueAt);
        Assert.Contains("timed out", app.Dm().AllText, StringComparison.Ordinal);
        await app.Cards.Received(1).UpdateAsync(Arg.Is<AccessRequest>(r => r.Status == RequestStatus.TimedOut), Arg.Any<CancellationToken>());
        Assert.Equal(0, await app.SweepAsync());
    }

    [Fact]
    public async Task SweepOnceAsync_PendingWithoutCard_PostsTheCardAndWaitsForTheFirstReminder()
    {
        await using var app = await StartAsync();
        var pending = await app.CreatePendingAsync(TimeSpan.FromHours(1), withCard: false, dueAt: SlackJitHarness.Start);

        Assert.Equal(1, await app.SweepAsync());

        await app.Cards.Received(1).PostAsync(Arg.Is<AccessRequest>(r => r.Id == pending.Id), Arg.Any<CancellationToken>());
        var stored = await app.GetAsync(pending.Id);
        Assert.Equal(RequestStatus.Pending, stored.Status);
        Assert.Equal(SlackJitHarness.Start + ReminderOptions.DefaultInterval, stored.DueAt);
        Assert.Equal(0, await app.SweepAsync());
    }

    [Fact]
    public async Task SweepOnceAsync_ActiveWithStaleDueTime_ReschedulesToTheWindowEnd()
    {
        await using var app = await StartAsync();
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(2));
        var stale = (await app.Store.ApplyAsync(Transitions.Reschedule(active, SlackJitHarness.Start, SlackJitHarness.Start), Ct)).Current!;

        Assert.Equal(1, await app.SweepAsync());

        Assert.Equal(active.Grant!.WindowEnd, (await app.GetAsync(stale.Id)).DueAt);
        Assert.Equal(RequestStatus.Active, (await app.GetAsync(stale.Id)).Status);
        Assert.Equal(0, await app.SweepAsync());
    }

    [Fact]
    public async Task SweepOnceAsync_MoreDueThanOnePage_AdvancesThemAll()
    {
        await using var app = await StartAsync(o => o.Settings["Lifecycle:SweepPageSize"] = "2");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await app.CreatePendingAsync(TimeSpan.FromHours(1))).Id);
        }

        app.Harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(5, await app.SweepAsync());

        foreach (var id in ids)
        {
            Assert.Equal(RequestStatus.TimedOut, (await app.GetAsync(id)).Status);
        }
    }

    [Fact]
    public async Task ExecuteAsync_Enabled_SweepsOnTheIntervalOfTheInjectedClock()
    {
        await using var app = await StartAsync(o => o.Settings["Lifecycle:SweeperEnabled"] = "true");
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        app.Harness.Time.Advance(LifecycleOptions.DefaultSweepInterval);

        await app.WaitForAsync(approved.Id, r => r.Status == RequestStatus.Active);
    }

    [Fact]
    public async Task AdvanceRequest_Approved_IssuesOnTheWorkQueue()
    {
        await using var app = await StartAsync();
        var approved = await app.CreateApprovedAsync(TimeSpan.FromHours(2));

        Assert.True(app.Harness.Services.GetRequiredService<IWorkQueue>().TryEnqueue(new AdvanceRequest(approved.Id, RequestStatus.Approved)));

        await app.WaitForAsync(approved.Id, r => r.Status == RequestStatus.Active);
        Assert.Single(app.Harness.Sts.Calls);
    }
}
