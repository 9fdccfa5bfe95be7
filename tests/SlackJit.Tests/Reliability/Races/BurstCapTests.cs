using SlackJit.Access;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using Xunit.Abstractions;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// One person firing many commands at once through the signed <c>/slack/commands</c> endpoint: the per-requester
/// caps hold — at most <c>MaxPendingPerRequester</c> requests (and cards) come out of the burst, everyone else is
/// told why. On SQLite with one host and with two hosts on one file, and on DynamoDB with two hosts (replicas).
/// </summary>
public sealed class BurstCapTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>
{
    public const int Burst = 40;
    public const int PendingCap = 5;

    public static TheoryData<StoreKind, int> Layouts => new() { { StoreKind.Sqlite, 1 }, { StoreKind.Sqlite, 2 }, { StoreKind.DynamoDb, 2 } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Commands_FortyAtOnceFromOnePerson_AtMostThePendingCapAreCreated(StoreKind store, int hostCount)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var hosts = new SlackJitHarness[hostCount];
        for (var i = 0; i < hostCount; i++)
        {
            hosts[i] = await cluster.StartHostAsync($"host-{(char)('A' + i)}", o =>
            {
                o.Settings["Access:MaxPendingPerRequester"] = PendingCap.ToString(System.Globalization.CultureInfo.InvariantCulture);
                o.Settings["Access:MaxRequestsPerHour"] = "20";
            });
        }

        var answers = await RaceFlow.AllAtOnceAsync(Enumerable.Range(0, Burst).Select(i => (Func<Task<string>>)(async () =>
            (string?)(await hosts[i % hostCount].AskAsync($"analytics-prod/burst-{i} 1h INC-{i} burst"))["text"] ?? "")));

        var stored = await hosts[0].Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 100, CancellationToken.None);
        var refused = answers.Count(a => a.Contains("waiting for approval (the most allowed is 5)", StringComparison.Ordinal));
        output.WriteLine($"{store}, {hostCount} host(s): {Burst} commands at once -> {stored.Count} requests created, {refused} refused for the pending cap.");
        Assert.Equal(PendingCap, stored.Count);
        Assert.All(stored, r => Assert.Equal(RequestStatus.Pending, r.Status));
        Assert.Equal(Burst - PendingCap, refused);
        foreach (var host in hosts)
        {
            await host.WaitForIdleAsync();
        }

        Assert.Equal(PendingCap, cluster.Slack.Calls("chat.postMessage").Count(c => c.Arg("channel") == SlackJit.Tests.EndToEnd.SlackJitHarness.ApproverChannel));
    }
}
