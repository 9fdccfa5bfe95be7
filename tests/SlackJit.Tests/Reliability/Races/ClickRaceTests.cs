using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Requests;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using Xunit.Abstractions;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// Many people clicking at once, through the signed <c>/slack/interactions</c> endpoint of the whole app: one
/// decision, one STS call, one credential DM; everyone else is told who decided. On SQLite with one host, and on
/// DynamoDB with the clicks split between two hosts (replicas).
/// </summary>
public sealed class ClickRaceTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>
{
    private static readonly string[] Approvers = [Approver, SecondApprover];
    private static readonly TimeSpan RenewStsLatency = TimeSpan.FromSeconds(1);

    public static TheoryData<StoreKind, int> Layouts => new() { { StoreKind.Sqlite, 1 }, { StoreKind.DynamoDb, 2 } };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Approve_TwentyClicksFromTwoApproversAtOnce_OneDecisionOneStsCallOneCredentialDm(StoreKind store, int hostCount)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var hosts = await StartHostsAsync(cluster, hostCount);

        for (var race = 0; race < RaceCounts.ApproveRaces; race++)
        {
            var request = await hosts[0].RequestWithCardAsync($"analytics-prod/race-{race} 2h INC-{race} approve race");

            var clicks = await RaceFlow.AllAtOnceAsync(Enumerable.Range(0, RaceCounts.ApproveClicksPerRace).Select(i => (Func<Task<ClickResult>>)(() =>
                hosts[i % hosts.Length].ClickAndReadAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approvers[i % 2], SlackJitHarness.ApproverChannel, request.Slack.CardTs!))));

            Assert.All(clicks, c => Assert.Equal(200, c.Status));
            var active = await hosts[0].WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active, $"{request.ShortId} to be active");
            await WaitForIdleAsync(hosts);
            var winner = $"already approved by <@{active.DecidedBy}>";
            var told = await Eventually.WaitForAsync(
                () => Task.FromResult(cluster.RepliesAbout(request).Where(t => t.Contains(winner, StringComparison.Ordinal)).ToList() is { Count: RaceCounts.ApproveClicksPerRace - 1 } r ? r : null),
                $"{RaceCounts.ApproveClicksPerRace - 1} 'already approved' replies");
            await WaitForIdleAsync(hosts);

            active = (await hosts[0].Store.GetAsync(request.Id, CancellationToken.None))!;
            Assert.Equal(1, active.Count(AuditActions.Approved));
            Assert.Single(active.Approvals);
            Assert.Equal(1, active.Count(AuditActions.IssueClaimed));
            Assert.Equal(1, active.Count(AuditActions.Issued));
            Assert.Equal(1, cluster.StsCallsFor(request.Id));
            var dm = Assert.Single(cluster.DmsAbout(request));
            Assert.Contains(cluster.IssuedFor(active).SecretAccessKey, dm.AllText, StringComparison.Ordinal);
            // Nobody else heard anything but who decided (the ack of the command is the only other answer).
            Assert.Equal(told.Count, cluster.RepliesAbout(request).Count(t => t.Contains("already", StringComparison.Ordinal)));
        }
        output.WriteLine($"{store}, {hostCount} host(s): {RaceCounts.ApproveRaces} races x {RaceCounts.ApproveClicksPerRace} approve clicks; " +
                         $"{cluster.Sts.Calls.Count} STS calls in all.");
        Assert.Equal(RaceCounts.ApproveRaces, cluster.Sts.Calls.Count);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task ApproveVsDeny_TenEachAtOnce_OneDecisionWinsLosersToldStsOnlyIfApproved(StoreKind store, int hostCount)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var hosts = await StartHostsAsync(cluster, hostCount);
        int approvedWins = 0, deniedWins = 0;

        for (var race = 0; race < RaceCounts.ApproveVsDenyRaces; race++)
        {
            var request = await hosts[0].RequestWithCardAsync($"analytics-prod/duel-{race} 1h INC-{race} approve or deny");
            var id = request.Id;
            var approves = Enumerable.Range(0, RaceCounts.ApproveVsDenyClicksEach).Select(i => (Func<Task<ClickResult>>)(() =>
                hosts[i % hosts.Length].ClickAndReadAsync(RequestsSlackKeys.ApproveAction, id.ToString(), Approvers[i % 2], SlackJitHarness.ApproverChannel, request.Slack.CardTs!)));
            var denies = Enumerable.Range(0, RaceCounts.ApproveVsDenyClicksEach).Select(i => (Func<Task<ClickResult>>)(() =>
                hosts[(i + 1) % hosts.Length].SubmitDenyAsync(id, Approvers[(i + 1) % 2], "not during the freeze")));
            // Interleaved, so neither kind gets a head start.
            var all = approves.Zip(denies, (a, d) => new[] { a, d }).SelectMany(p => p).ToList();

            var results = await RaceFlow.AllAtOnceAsync(all);

            Assert.All(results, r => Assert.Equal(200, r.Status));
            await WaitForIdleAsync(hosts);
            var decided = (await hosts[0].Store.GetAsync(id, CancellationToken.None))!;
            Assert.Equal(1, decided.Count(AuditActions.Approved) + decided.Count(AuditActions.Denied));
            var denyAnswers = results.Where((_, i) => i % 2 == 1).Select(r => RaceFlow.AllText(r.Body)).ToList();

            if (decided.Status == RequestStatus.Denied)
            {
                deniedWins++;
                var winner = $"already denied by <@{decided.DecidedBy}>";
                await Eventually.WaitForAsync(
                    () => Task.FromResult(cluster.RepliesAbout(request).Count(t => t.Contains(winner, StringComparison.Ordinal)) == RaceCounts.ApproveVsDenyClicksEach ? "" : null),
                    "every approve click told it was denied");
                Assert.Equal(RaceCounts.ApproveVsDenyClicksEach - 1, denyAnswers.Count(t => t.Contains(winner, StringComparison.Ordinal)));
                Assert.Empty(decided.Approvals);
                Assert.Null(decided.DueAt);
                // A sweep from every host must not issue a denied request either.
                foreach (var host in hosts)
                {
                    await host.SweepAsync();
                }
                Assert.Equal(0, cluster.StsCallsFor(id));
                Assert.Equal(RequestStatus.Denied, (await hosts[0].Store.GetAsync(id, CancellationToken.None))!.Status);
                var dm = Assert.Single(cluster.DmsAbout(request));
                Assert.Contains("was denied", dm.AllText, StringComparison.Ordinal);
            }
            else
            {
                approvedWins++;
                var active = await hosts[0].WaitForRequestAsync(id, r => r.Status == RequestStatus.Active, $"{request.ShortId} to be active");
                var winner = $"already approved by <@{active.DecidedBy}>";
                await Eventually.WaitForAsync(
                    () => Task.FromResult(cluster.RepliesAbout(request).Count(t => t.Contains(winner, StringComparison.Ordinal)) == RaceCounts.ApproveVsDenyClicksEach - 1 ? "" : null),
                    "the other approve clicks told who approved");
                Assert.Equal(RaceCounts.ApproveVsDenyClicksEach, denyAnswers.Count(t => t.Contains(winner, StringComparison.Ordinal)));
                await WaitForIdleAsync(hosts);
                Assert.Equal(1, cluster.StsCallsFor(id));
                Assert.Equal(0, active.Count(AuditActions.Denied));
                var dm = Assert.Single(cluster.DmsAbout(request));
                Assert.Contains(cluster.IssuedFor(active).SecretAccessKey, dm.AllText, StringComparison.Ordinal);
            }
        }
        output.WriteLine($"{store}, {hostCount} host(s): {RaceCounts.ApproveVsDenyRaces} races x ({RaceCounts.ApproveVsDenyClicksEach} approve + " +
                         $"{RaceCounts.ApproveVsDenyClicksEach} deny); approve won {approvedWins}, deny won {deniedWins}.");
        Assert.Equal(approvedWins, cluster.Sts.Calls.Count);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Renew_TenClicksAtOnce_OneMoreStsCallAndOthersToldItIsUnderWay(StoreKind store, int hostCount)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var hosts = await StartHostsAsync(cluster, hostCount);
        var request = await hosts[0].RequestWithCardAsync("analytics-prod/renew 2h INC-7 renew race");
        Assert.Equal(200, (await hosts[0].ClickAndReadAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver, SlackJitHarness.ApproverChannel, request.Slack.CardTs!)).Status);
        var active = await hosts[0].WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active, "active");
        await WaitForIdleAsync(hosts);

        for (var race = 1; race <= RaceCounts.RenewRaces; race++)
        {
            // STS answers in a second, as it can: every click lands while the renewal is in flight. (A click after
            // the renewal has finished is a new renewal, by design; the fake's instant STS would blur "at once".)
            cluster.Sts.FailNext(StsFault.Slow(RenewStsLatency));
            var clicks = await RaceFlow.AllAtOnceAsync(Enumerable.Range(0, RaceCounts.RenewClicksPerRace).Select(i => (Func<Task<ClickResult>>)(() =>
                hosts[i % hosts.Length].ClickAndReadAsync(GrantActionIds.Renew, request.Id.ToString(), Requester, SharedStoreCluster.DmChannel, active.Slack.DmTs!))));

            Assert.All(clicks, c => Assert.Equal(200, c.Status));
            var renewed = await hosts[0].WaitForRequestAsync(request.Id, r => r.Grant?.Issues == race + 1, $"renewal {race}");
            await WaitForIdleAsync(hosts);
            await Eventually.WaitForAsync(
                () => Task.FromResult(cluster.RepliesAbout(request).Count(t => t.Contains("already under way", StringComparison.Ordinal)) == race * (RaceCounts.RenewClicksPerRace - 1) ? "" : null),
                $"{RaceCounts.RenewClicksPerRace - 1} clicks of race {race} told a renewal is under way");
            await WaitForIdleAsync(hosts);

            renewed = (await hosts[0].Store.GetAsync(request.Id, CancellationToken.None))!;
            Assert.Equal(race + 1, renewed.Grant!.Issues);
            Assert.Equal(race, renewed.Count(AuditActions.RenewStarted));
            Assert.Equal(race, renewed.Count(AuditActions.Renewed));
            Assert.Equal(0, renewed.Count(AuditActions.RenewFailed));
            Assert.Equal(race + 1, cluster.StsCallsFor(request.Id));
            var dm = Assert.Single(cluster.DmsAbout(request));
            Assert.Contains(cluster.IssuedFor(renewed).SecretAccessKey, dm.AllText, StringComparison.Ordinal);
            foreach (var old in cluster.Sts.Issued.Where(c => c.AccessKeyId != renewed.Grant.AccessKeyId))
            {
                Assert.DoesNotContain(old.SecretAccessKey, dm.AllText, StringComparison.Ordinal);
            }
        }
        output.WriteLine($"{store}, {hostCount} host(s): {RaceCounts.RenewRaces} races x {RaceCounts.RenewClicksPerRace} renew clicks; " +
                         $"{cluster.Sts.Calls.Count} STS calls (1 issue + {RaceCounts.RenewRaces} renewals).");
    }

    private static async Task<SlackJitHarness[]> StartHostsAsync(SharedStoreCluster cluster, int count)
    {
        var hosts = new SlackJitHarness[count];
        for (var i = 0; i < count; i++)
        {
            hosts[i] = await cluster.StartHostAsync($"host-{(char)('A' + i)}");
        }
        return hosts;
    }

    private static Task WaitForIdleAsync(SlackJitHarness[] hosts) => Task.WhenAll(hosts.Select(h => h.WaitForIdleAsync()));
}
