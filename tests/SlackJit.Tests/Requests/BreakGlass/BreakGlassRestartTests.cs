using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Requests.FollowUps;
using SlackJit.Tests.EndToEnd;
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

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task LostAfterTheAck_NeitherCardNorIssuanceRan_SweeperIssuesAtOnceAndPostsTheCardAfterItsGrace(StoreKind store)
    {
        // The queued work after the ack is lost (a crash): only the store's due time is left.
        var lost = Substitute.For<IWorkHandler<PostCard>>();
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite, o => o.Services += s => s.AddScoped(_ => lost));
        var ack = await harness.AskAsync(BreakGlassFlow.Command);
        var request = Assert.Single(await harness.Store.GetByRequesterAsync(Requests.RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        Assert.Contains(request.ShortId, (string?)ack["text"], StringComparison.Ordinal);
        Assert.Equal((RequestStatus.Approved, Start), (request.Status, request.DueAt));

        await harness.SweepAsync();
        var issued = await Requests.RequestsFlow.WaitForRequestAsync(harness, request.Id, r => r.Status == RequestStatus.Active, "the grant");
        Assert.Null(issued.Slack.CardTs);
        Assert.Equal(Start + AccessRequests.CardGrace, issued.DueAt);

        harness.Time.Advance(AccessRequests.CardGrace);
        await harness.SweepAsync();
        var posted = await Requests.Reminders.ReminderFlow.GetAsync(harness, request.Id);
        Assert.NotNull(posted.Slack.CardTs);
        Assert.Contains("*BREAK-GLASS*", Requests.RequestsFlow.Card(harness, posted).AllText, StringComparison.Ordinal);
        // Next: the first reminder, 15 minutes after the request.
        Assert.Equal(Start + TimeSpan.FromMinutes(15), posted.DueAt);
    }
}
