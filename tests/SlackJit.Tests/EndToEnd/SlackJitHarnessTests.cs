using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.EndToEnd;

/// <summary>The harness itself: replicas share the fakes, clock and store; a crashed app leaves them to the others.</summary>
public sealed class SlackJitHarnessTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task StartReplicaAsync_AfterARequest_SharesStoreAndFakesAndTheFirstAppsOptions(StoreKind store)
    {
        await using var a = await SlackJitHarness.StartAsync(o =>
        {
            o.ManualSweeps = true;
            o.UseStore(store, dynalite);
        });
        var request = await a.RequestWithCardAsync();

        var b = await a.StartReplicaAsync("B", o => o.Settings["Access:MaxPendingPerRequester"] = "7");

        Assert.Equal("B", b.Name);
        Assert.Equal(store, b.StoreKind);
        Assert.Same(a.Slack, b.Slack);
        Assert.Same(a.Time, b.Time);
        Assert.Equal(request.Slack.CardTs, (await b.Store.GetAsync(request.Id, CancellationToken.None))!.Slack.CardTs);
        Assert.False(b.Services.GetRequiredService<IOptions<LifecycleOptions>>().Value.SweeperEnabled);
        Assert.Equal(7, b.Services.GetRequiredService<IOptions<AccessOptions>>().Value.MaxPendingPerRequester);
        Assert.NotEqual(7, a.Services.GetRequiredService<IOptions<AccessOptions>>().Value.MaxPendingPerRequester);
    }

    [Fact]
    public async Task CrashAsync_OneOfTwoApps_TheOtherServesOnTheSameStore()
    {
        await using var a = await SlackJitHarness.StartAsync(o => o.ManualSweeps = true);
        var b = await a.StartReplicaAsync("B");
        var first = await a.RequestWithCardAsync("analytics-prod/reports 1h INC-1 before the crash");

        await a.CrashAsync();

        Assert.True(a.Crash.Crashed);
        Assert.False(b.Crash.Crashed);
        var second = await b.RequestWithCardAsync("analytics-prod/exports 1h INC-2 after the crash");
        var mine = await b.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), mine.Select(r => r.Id).Order());
        Assert.Equal(RequestStatus.Pending, second.Status);
    }
}
