using SlackJit.Access;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.BreakGlass;

/// <summary>
/// The break-glass review lives in the store, not in a process: the host that issued the grant stops, the next one
/// (same SQLite file or DynamoDB table) sends what is due, and a third finds nothing left to send.
/// </summary>
public sealed class BreakGlassRestartTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Restart_BetweenReminders_NextHostSendsWhatIsDueOnceAndExpiresTheGrant(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        cluster.Slack.AddUser(BreakGlassFlow.OnCall);

        var a = await cluster.StartHostAsync("A", BreakGlassFlow.Configure);
        var request = await a.RequestWithCardAsync(BreakGlassFlow.Command);
        await a.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active, "the grant");
        cluster.Time.Advance(TimeSpan.FromMinutes(15));
        await a.SweepAsync();
        await a.StopAsync();

        cluster.Time.Advance(TimeSpan.FromMinutes(15));
        var b = await cluster.StartHostAsync("B", BreakGlassFlow.Configure);
        await b.SweepAsync();
        await b.StopAsync();

        var c = await cluster.StartHostAsync("C", BreakGlassFlow.Configure);
        Assert.Equal(0, await c.SweepAsync());

        var stored = (await c.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Expired, stored.Status);
        Assert.Equal(2, stored.Count(AuditActions.Reminded));
        var replies = cluster.Slack.Calls("chat.postMessage").Where(x => x.Ok && x.Arg("thread_ts") == request.Slack.CardTs).ToList();
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Contains("*break-glass* grant", r.Arg("text"), StringComparison.Ordinal));
        // Next: the escalation at 09:40.
        Assert.Equal(Start + TimeSpan.FromMinutes(40), stored.DueAt);
        await c.DisposeAsync();
    }
}
