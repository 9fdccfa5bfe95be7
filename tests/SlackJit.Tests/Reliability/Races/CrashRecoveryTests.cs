using Microsoft.Extensions.DependencyInjection;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Lifecycle;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using Xunit.Abstractions;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// A host dies at the worst moments of issuing; another host on the same store (the SQLite file it reopens, or
/// the DynamoDB table) finishes the job with its sweeper: credentials are delivered exactly once, into the one DM,
/// and nothing is left Approved or Issuing.
/// </summary>
public sealed class CrashRecoveryTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>
{
    /// <summary>Crash points tested on each store (mid-STS, after approval, after the DM post, mid DM edit).</summary>
    public const int CrashesPerStore = 4;

    private static readonly TimeSpan Lease = LifecycleOptions.DefaultIssueLease;

    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Crash_WhileStsIsAnswering_NextHostIssuesOnceIntoTheSameDm(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var a = await cluster.StartHostAsync("A", Crashable);
        var request = await a.RequestWithCardAsync();
        cluster.Sts.FailNext(StsFault.Slow(TimeSpan.FromMinutes(10)));

        await a.ApproveAsync(request);
        await Eventually.WaitForAsync(() => Task.FromResult(cluster.StsCallsFor(request.Id) == 1 ? "" : null), "A's STS call to be in flight");
        await a.CrashAsync();

        var left = await StoredAsync(cluster, request);
        Assert.Equal(RequestStatus.Issuing, left.Status);
        Assert.NotNull(left.Slack.DmTs);
        Assert.Empty(cluster.Sts.Issued);

        var b = await cluster.StartHostAsync("B");
        Assert.Equal(0, await b.SweepAsync());
        Assert.Equal(RequestStatus.Issuing, (await StoredAsync(cluster, request)).Status);
        cluster.Time.Advance(Lease);
        Assert.Equal(1, await b.SweepAsync());
        await b.WaitForIdleAsync();

        var active = await StoredAsync(cluster, request);
        AssertDeliveredOnce(cluster, request, active, expectedClaims: 2);
        Assert.Equal(2, cluster.StsCallsFor(request.Id));
        Assert.Contains("previous lease expired", active.Events.Last(e => e.Action == AuditActions.IssueClaimed).Detail, StringComparison.Ordinal);
        // Fast healing: the next host finishes within 30 s (one lease) of the crash, not 2 minutes.
        Assert.True(Lease <= TimeSpan.FromSeconds(30), $"lease {Lease}");
        output.WriteLine($"{store}: host A crashed with its STS call in flight; host B issued {request.ShortId} after the {Lease.TotalSeconds:0} s lease.");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Crash_AfterApprovalBeforeIssuingStarts_NextHostsSweeperIssues(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var (a, skipped) = await StartHostThatNeverIssuesAsync(cluster);
        var request = await a.RequestWithCardAsync();

        var approved = await a.ApproveAsync(request);
        await Eventually.WaitForAsync(() => Task.FromResult(skipped.Skipped == 1 ? "" : null), "the approval's follow-up to reach scheduling");
        await a.CrashAsync();

        Assert.Equal(RequestStatus.Approved, approved.Status);
        Assert.True(approved.DueAt <= cluster.Time.GetUtcNow(), "an approval must leave the request due for any sweeper");
        Assert.Equal(0, cluster.StsCallsFor(request.Id));

        var b = await cluster.StartHostAsync("B");
        Assert.Equal(1, await b.SweepAsync());
        await b.WaitForIdleAsync();

        var active = await StoredAsync(cluster, request);
        AssertDeliveredOnce(cluster, request, active, expectedClaims: 1);
        Assert.Equal(1, cluster.StsCallsFor(request.Id));
        output.WriteLine($"{store}: host A crashed between approving and issuing {request.ShortId}; host B's first sweep issued it.");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Crash_WhileTheCredentialDmEditIsInFlight_NextHostReplacesThemWithFreshOnes(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var (a, _) = await StartHostThatNeverIssuesAsync(cluster);
        var request = await a.RequestWithCardAsync();
        await a.ApproveAsync(request);
        await a.WaitForIdleAsync();
        // A dies right after Slack took its edit that puts the credentials into the DM, before it hears back.
        a.Crash.CrashAfter(call => call.RequestUri!.AbsolutePath.EndsWith("/chat.update", StringComparison.Ordinal));
        var editsBefore = cluster.Slack.Calls("chat.update").Count;

        _ = Task.Run(async () =>
        {
            await using var scope = a.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GrantIssuing>().IssueAsync(request.Id, CancellationToken.None);
        });
        await Eventually.WaitForAsync(() => Task.FromResult(a.Crash.Crashed ? "" : null), "A to die after its DM edit");
        await a.CrashAsync();
        Assert.Equal(editsBefore + 1, cluster.Slack.Calls("chat.update").Count);
        var minted = Assert.Single(cluster.Sts.Issued);
        Assert.Contains(minted.SecretAccessKey, Assert.Single(cluster.DmsAbout(request)).AllText, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Issuing, (await StoredAsync(cluster, request)).Status);

        var b = await cluster.StartHostAsync("B");
        cluster.Time.Advance(Lease);
        Assert.Equal(1, await b.SweepAsync());
        await b.WaitForIdleAsync();

        var active = await StoredAsync(cluster, request);
        AssertDeliveredOnce(cluster, request, active, expectedClaims: 2);
        var dm = Assert.Single(cluster.DmsAbout(request));
        Assert.NotEqual(minted.AccessKeyId, active.Grant!.AccessKeyId);
        Assert.DoesNotContain(minted.SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        output.WriteLine($"{store}: host A crashed while its credential DM edit was in flight; host B replaced them with fresh ones in the same DM.");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Crash_AfterPostingTheDmBeforeRecordingIt_CredentialsReachOneDmOnly(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var a = await cluster.StartHostAsync("A", Crashable);
        var request = await a.RequestWithCardAsync();
        // A dies as Slack answers its "Issuing…" DM, before the DM's place is written to the store.
        a.Crash.CrashAfter(call => call.RequestUri!.AbsolutePath.EndsWith("/chat.postMessage", StringComparison.Ordinal));

        await a.ApproveAsync(request);
        await Eventually.WaitForAsync(() => Task.FromResult(a.Crash.Crashed ? "" : null), "A to die after posting the DM");
        await a.CrashAsync();
        var left = await StoredAsync(cluster, request);
        Assert.Equal(RequestStatus.Issuing, left.Status);
        Assert.Null(left.Slack.DmTs);
        Assert.Equal(0, cluster.StsCallsFor(request.Id));

        var b = await cluster.StartHostAsync("B");
        cluster.Time.Advance(Lease);
        Assert.Equal(1, await b.SweepAsync());
        await b.WaitForIdleAsync();

        var active = await StoredAsync(cluster, request);
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Equal(1, active.Count(AuditActions.Issued));
        Assert.Equal(1, cluster.StsCallsFor(request.Id));
        var issued = cluster.IssuedFor(active);
        // A's "Issuing…" message was never recorded, so B posted its own; only the recorded one holds credentials.
        var dms = cluster.DmsAbout(request);
        Assert.Equal(2, dms.Count);
        var withCredentials = Assert.Single(dms, m => m.AllText.Contains(issued.SecretAccessKey, StringComparison.Ordinal));
        Assert.Equal(active.Slack.DmTs, withCredentials.Ts);
        var orphan = Assert.Single(dms, m => m.Ts != withCredentials.Ts);
        Assert.DoesNotContain(issued.AccessKeyId, orphan.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.SessionToken, orphan.AllText, StringComparison.Ordinal);
        output.WriteLine($"{store}: host A crashed between posting and recording its DM; credentials reached only host B's recorded DM.");
    }

    /// <summary>A host that dies fast: its shutdown does not wait for the work a crash cuts off.</summary>
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Issue_StsSlowerThanTwoLeases_TheLiveWorkerKeepsItsClaimByHeartbeatAndIssuesOnce(StoreKind store)
    {
        await using var cluster = await SharedStoreCluster.StartAsync(store, dynalite);
        var a = await cluster.StartHostAsync("A");
        var b = await cluster.StartHostAsync("B");
        var request = await a.RequestWithCardAsync();
        cluster.Sts.FailNext(StsFault.Slow(TimeSpan.FromSeconds(3)));

        await a.ApproveAsync(request);
        await Eventually.WaitForAsync(() => Task.FromResult(cluster.StsCallsFor(request.Id) == 1 ? "" : null), "A's STS call to be in flight");

        // Twice the lease passes while A waits for STS; A's heartbeat keeps its lease, so B never takes over.
        var slots = a.Services.GetRequiredService<SlackJit.Storage.ISlotStore>();
        var key = LeaseHeartbeat.Key(request.Id);
        for (var step = 0; step < 8; step++)
        {
            cluster.Time.Advance(Lease / 4);
            await Eventually.WaitForAsync(async () =>
                (await slots.GetSlotsAsync([key], CancellationToken.None)).GetValueOrDefault(key) is { } held && held.Until > cluster.Time.GetUtcNow() ? held : null,
                $"A's heartbeat at step {step}");
            Assert.Equal(0, await b.SweepAsync());
        }

        var active = await a.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Active, "active");
        await a.WaitForIdleAsync();
        Assert.Equal(1, active.Count(AuditActions.IssueClaimed));
        Assert.Equal(1, cluster.StsCallsFor(request.Id));
        Assert.Equal(1, active.Count(AuditActions.Issued));
        output.WriteLine($"{store}: STS took {2 * Lease.TotalSeconds:0} s of (fake) time; one claim, one STS call, no takeover.");
    }

    private static void Crashable(HarnessOptions options) => options.ShutdownTimeout = TimeSpan.FromMilliseconds(300);

    /// <summary>Host A, ready to crash, whose approvals leave the request due instead of issuing it.</summary>
    private static async Task<(SlackJitHarness Host, NoIssuanceScheduler Skipped)> StartHostThatNeverIssuesAsync(SharedStoreCluster cluster)
    {
        var skipped = new NoIssuanceScheduler();
        var host = await cluster.StartHostAsync("A", o =>
        {
            Crashable(o);
            o.Services = s => s.AddSingleton<IWorkHandler<AdvanceRequest>>(skipped);
        });
        return (host, skipped);
    }

    private static async Task<AccessRequest> StoredAsync(SharedStoreCluster cluster, AccessRequest request)
    {
        // Read through a fresh look at the store: the crashed host's store object is gone.
        await using var probe = await cluster.StartHostAsync("probe-" + Guid.NewGuid().ToString("N")[..6]);
        return (await probe.Store.GetAsync(request.Id, CancellationToken.None))!;
    }

    /// <summary>Active, one DM (posted once) showing the credentials the grant records, one activation.</summary>
    private static void AssertDeliveredOnce(SharedStoreCluster cluster, AccessRequest request, AccessRequest active, int expectedClaims)
    {
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.Equal(1, active.Count(AuditActions.Approved));
        Assert.Equal(expectedClaims, active.Count(AuditActions.IssueClaimed));
        Assert.Equal(1, active.Count(AuditActions.Issued));
        Assert.Equal(0, active.Count(AuditActions.IssueReleased));
        Assert.Equal(0, active.Count(AuditActions.Failed));
        var dm = Assert.Single(cluster.DmsAbout(request));
        Assert.Equal(active.Slack.DmTs, dm.Ts);
        Assert.Single(cluster.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == SharedStoreCluster.DmChannel);
        var issued = cluster.IssuedFor(active);
        Assert.Contains(issued.SecretAccessKey, dm.AllText, StringComparison.Ordinal);
        Assert.Contains(issued.SessionToken, dm.AllText, StringComparison.Ordinal);
    }
}
