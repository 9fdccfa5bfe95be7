using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using Xunit.Abstractions;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// A graceful stop (a deploy, a scale-in): work in flight finishes, work still queued is left due in the store,
/// and the next host's sweeper completes it. No request is lost either way.
/// </summary>
public sealed class ShutdownTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>
{
    private static readonly TimeSpan SlowSts = TimeSpan.FromMilliseconds(400);

    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task StopAsync_WhileIssuingWithASlowSts_FinishesOrLeavesItDueAndTheNextHostCompletesIt(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var a = await cluster.StartHostAsync("A");
        var request = await a.RequestWithCardAsync();
        cluster.Sts.FailNext(StsFault.Slow(SlowSts));

        await a.ApproveAsync(request);
        await Eventually.WaitForAsync(() => Task.FromResult(cluster.StsCallsFor(request.Id) == 1 ? "" : null), "A's STS call to be in flight");
        await a.StopAsync();

        var b = await cluster.StartHostAsync("B");
        var afterStop = (await b.Store.GetAsync(request.Id, CancellationToken.None))!;
        var path = afterStop.Status == RequestStatus.Active ? "finished by A during its shutdown" : "left due and finished by B's sweeper";
        if (afterStop.Status != RequestStatus.Active)
        {
            Assert.Contains(afterStop.Status, new[] { RequestStatus.Approved, RequestStatus.Issuing });
            Assert.NotNull(afterStop.DueAt);
            cluster.Time.Advance(LifecycleOptions.DefaultIssueLease);
            Assert.Equal(1, await b.SweepAsync());
        }

        var active = (await b.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Equal(1, active.Count(AuditActions.Issued));
        Assert.Contains(cluster.IssuedFor(active).SecretAccessKey, Assert.Single(cluster.DmsAbout(request)).AllText, StringComparison.Ordinal);
        Assert.Equal(0, await b.SweepAsync());
        output.WriteLine($"{store}: graceful stop with issuing in flight ({SlowSts.TotalMilliseconds:0} ms STS): {path}.");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task StopAsync_WithIssuesStillQueued_LeavesThemDueAndTheNextHostsSweeperIssuesThem(StoreKind store)
    {
        const int requests = 3;
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        // One worker: while it waits on the slow STS call, the other requests' work can only queue up.
        var a = await cluster.StartHostAsync("A", o => o.Settings["Lifecycle:Workers"] = "1");
        var created = new List<AccessRequest>();
        for (var i = 0; i < requests; i++)
        {
            created.Add(await a.RequestWithCardAsync($"analytics-prod/queued-{i} 2h INC-{i} queued"));
        }
        cluster.Sts.FailNext(StsFault.Slow(SlowSts));

        foreach (var request in created)
        {
            await a.ApproveAsync(request);
        }
        await Eventually.WaitForAsync(() => Task.FromResult(cluster.Sts.Calls.Count == 1 ? "" : null), "the first issue to reach STS");
        await a.StopAsync();

        var b = await cluster.StartHostAsync("B");
        var afterStop = await Task.WhenAll(created.Select(r => b.Store.GetAsync(r.Id, CancellationToken.None)));
        Assert.Single(afterStop, r => r!.Status == RequestStatus.Active);
        var left = afterStop.Where(r => r!.Status != RequestStatus.Active).ToList();
        Assert.Equal(requests - 1, left.Count);
        Assert.All(left, r =>
        {
            Assert.Equal(RequestStatus.Approved, r!.Status);
            Assert.True(r.DueAt <= cluster.Time.GetUtcNow(), $"{r.ShortId} was left without a due time: it would be lost.");
        });
        Assert.Single(cluster.Sts.Calls);

        Assert.Equal(requests - 1, await b.SweepAsync());
        await b.WaitForIdleAsync();

        foreach (var request in created)
        {
            var active = (await b.Store.GetAsync(request.Id, CancellationToken.None))!;
            Assert.Equal(RequestStatus.Active, active.Status);
            Assert.Equal(1, cluster.StsCallsFor(request.Id));
            Assert.Contains(cluster.IssuedFor(active).SecretAccessKey, Assert.Single(cluster.DmsAbout(request)).AllText, StringComparison.Ordinal);
        }
        output.WriteLine($"{store}: graceful stop with 1 issue in flight and {requests - 1} queued: in-flight finished, queued ones issued by B's sweeper.");
    }
}
