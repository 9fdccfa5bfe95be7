using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using Xunit.Abstractions;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// Two replicas on one DynamoDB table sweeping at once, round after round, over due requests of every kind:
/// each request is advanced exactly once and its audit trail has no duplicate step.
/// </summary>
public sealed class SweeperRaceTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>
{
    [Fact]
    public async Task SweepOnceAsync_TwoReplicasAtOnceOverMixedDueRequests_AdvanceEachExactlyOnce()
    {
        await using var cluster = await SharedStoreCluster.StartAsync(StoreKind.DynamoDb, dynalite);
        // Issuing is left to the sweepers, so every approved request below is theirs to race over.
        var a = await cluster.StartHostAsync("replica-A", o => o.Services = s => s.AddSingleton<IWorkHandler<AdvanceRequest>>(new NoIssuanceScheduler()));
        var b = await cluster.StartHostAsync("replica-B", o => o.Services = s => s.AddSingleton<IWorkHandler<AdvanceRequest>>(new NoIssuanceScheduler()));

        // Active grants whose one-hour window will have ended.
        var actives = new List<AccessRequest>();
        for (var i = 0; i < RaceCounts.SweptActive; i++)
        {
            actives.Add(await a.ApproveAsync(await a.RequestWithCardAsync($"analytics-prod/active-{i} 1h INC-{i} active")));
        }
        Assert.Equal(RaceCounts.SweptActive, await a.SweepAsync());
        await a.WaitForIdleAsync();
        // Pending requests whose one-hour decision deadline will have passed.
        var pendings = new List<AccessRequest>();
        for (var i = 0; i < RaceCounts.SweptPending; i++)
        {
            pendings.Add(await a.RequestWithCardAsync($"analytics-prod/pending-{i} 1h INC-{i} pending"));
        }
        cluster.Time.Advance(TimeSpan.FromMinutes(61));
        // Approved requests due for issuing now.
        var approveds = new List<AccessRequest>();
        for (var i = 0; i < RaceCounts.SweptApproved; i++)
        {
            var host = i % 2 == 0 ? a : b;
            approveds.Add(await host.ApproveAsync(await host.RequestWithCardAsync($"analytics-prod/approved-{i} 2h INC-{i} approved")));
        }
        await Task.WhenAll(a.WaitForIdleAsync(), b.WaitForIdleAsync());
        var stsBefore = cluster.Sts.Calls.Count;
        Assert.Equal(RaceCounts.SweptActive, stsBefore);
        var due = await a.Store.GetDueAsync(cluster.Time.GetUtcNow(), 100, CancellationToken.None);
        Assert.Equal(RaceCounts.SweptActive + RaceCounts.SweptPending + RaceCounts.SweptApproved, due.Count);

        var advanced = 0;
        var perRound = new List<string>();
        for (var round = 0; round < RaceCounts.SweepRounds; round++)
        {
            var counts = await RaceFlow.AllAtOnceAsync([() => a.SweepAsync(), () => b.SweepAsync()]);
            advanced += counts.Sum();
            perRound.Add($"{counts[0]}+{counts[1]}");
        }
        await Task.WhenAll(a.WaitForIdleAsync(), b.WaitForIdleAsync());
        output.WriteLine($"{due.Count} due requests ({RaceCounts.SweptApproved} approved, {RaceCounts.SweptPending} pending, {RaceCounts.SweptActive} active); " +
                         $"{RaceCounts.SweepRounds} rounds of two concurrent sweeps advanced A+B: {string.Join(", ", perRound)}.");

        Assert.Equal(due.Count, advanced);
        Assert.Equal(stsBefore + RaceCounts.SweptApproved, cluster.Sts.Calls.Count);
        foreach (var request in approveds)
        {
            var stored = await GetAsync(a, request);
            Assert.Equal(RequestStatus.Active, stored.Status);
            Assert.Equal(1, stored.Count(AuditActions.IssueClaimed));
            Assert.Equal(1, stored.Count(AuditActions.Issued));
            Assert.Equal(1, cluster.StsCallsFor(request.Id));
            Assert.Contains(cluster.IssuedFor(stored).SecretAccessKey, Assert.Single(cluster.DmsAbout(request)).AllText, StringComparison.Ordinal);
            NoStepTwice(stored);
        }
        foreach (var request in pendings)
        {
            var stored = await GetAsync(a, request);
            Assert.Equal(RequestStatus.TimedOut, stored.Status);
            Assert.Equal(1, stored.Count(AuditActions.TimedOut));
            Assert.Equal(0, cluster.StsCallsFor(request.Id));
            Assert.Single(cluster.DmsAbout(request));
            NoStepTwice(stored);
        }
        foreach (var request in actives)
        {
            var stored = await GetAsync(a, request);
            Assert.Equal(RequestStatus.Expired, stored.Status);
            Assert.Equal(1, stored.Count(AuditActions.Expired));
            Assert.Equal(1, cluster.StsCallsFor(request.Id));
            var dm = Assert.Single(cluster.DmsAbout(request));
            Assert.DoesNotContain(cluster.Sts.Issued.Single(c => c.AssumedRoleId.EndsWith(request.Id.ToString("D"), StringComparison.Ordinal)).SecretAccessKey, dm.AllText, StringComparison.Ordinal);
            NoStepTwice(stored);
        }
        Assert.Empty(await a.Store.GetDueAsync(cluster.Time.GetUtcNow(), 100, CancellationToken.None));
        foreach (var host in new[] { a, b })
        {
            Assert.DoesNotContain(host.Logs!.Collector.GetSnapshot(), l => l.Level >= LogLevel.Error);
        }
    }

    private static async Task<AccessRequest> GetAsync(SlackJitHarness host, AccessRequest request) =>
        (await host.Store.GetAsync(request.Id, CancellationToken.None))!;

    /// <summary>No state-changing step twice, and no "nothing to do" reschedule left by a replica that lost a race.</summary>
    private static void NoStepTwice(AccessRequest request)
    {
        foreach (var action in new[] { AuditActions.Created, AuditActions.Approved, AuditActions.IssueClaimed, AuditActions.Issued, AuditActions.TimedOut, AuditActions.Expired })
        {
            Assert.True(request.Count(action) <= 1, $"{request.ShortId} has '{action}' {request.Count(action)} times.");
        }
        Assert.Equal(0, request.Count(AuditActions.Rescheduled));
        Assert.Equal(0, request.Count(AuditActions.IssueReleased));
    }
}
