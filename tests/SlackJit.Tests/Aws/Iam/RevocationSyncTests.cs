using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SlackJit.Aws;
using SlackJit.Aws.Iam;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws.Iam;

/// <summary>
/// Two replicas ("hosts") revoking at once against the signature-checking IAM fake, with a shared store of
/// revocations: IAM has no conditional put, so the protocol's re-reads must repair every lost update.
/// </summary>
public sealed class RevocationSyncTests : IamTestBase
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ConcurrentDictionary<Guid, RevokedGrant> _store = new();

    /// <summary>One replica: its own IAM client and sync, sharing only the store and IAM with the others.</summary>
    // A generous call timeout: the held write must not be timed out and retried on a slow machine.
    private RevocationSync Host() => new(NewClient(callTimeout: TimeSpan.FromMinutes(1)), _time, NullLogger<RevocationSync>.Instance);

    private Task<IReadOnlyCollection<RevokedGrant>> ReadStore(CancellationToken _) =>
        Task.FromResult<IReadOnlyCollection<RevokedGrant>>([.. _store.Values]);

    /// <summary>What a revoker does: record in the store first, then sync.</summary>
    private Task RevokeAsync(RevocationSync host, Guid id, TimeSpan credentialsLeft)
    {
        _store[id] = new RevokedGrant(id, _time.GetUtcNow() + credentialsLeft);
        return host.SyncAsync(Role, ReadStore, Ct);
    }

    private List<HashSet<string>> PutDocuments() => [.. Iam.Calls
        .Where(c => c is { Action: "PutRolePolicy", Status: 200 })
        .Select(c => RevocationPolicy.Ids(c.Form["PolicyDocument"]).ToHashSet())];

    [Fact]
    public async Task SyncAsync_OneRevocation_DeniesItsSessionsOnly()
    {
        var id = Guid.NewGuid();

        await RevokeAsync(Host(), id, TimeSpan.FromMinutes(40));

        Assert.True(Iam.DeniesSession(RoleName, id.ToString()));
        Assert.False(Iam.DeniesSession(RoleName, Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task SyncAsync_TwoHostsWithTheStaleWriteLandingLast_LoseNoRevocation()
    {
        var (hostA, hostB) = (Host(), Host());
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var aHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        // Host A's first write (computed before B recorded b) is held until B has finished: then it lands last.
        Iam.BeforePut = async form =>
        {
            if (RevocationPolicy.Ids(form["PolicyDocument"]).SetEquals([a.ToString()]) && Interlocked.Exchange(ref held, 1) == 0)
            {
                aHeld.SetResult();
                await bDone.Task;
            }
        };

        var revokeA = RevokeAsync(hostA, a, TimeSpan.FromMinutes(30));
        await aHeld.Task.WaitAsync(Ct);
        await RevokeAsync(hostB, b, TimeSpan.FromMinutes(30));
        bDone.SetResult();
        await revokeA;

        // The lost update happened (A's stale {a} landed after B's {a, b}) and A's re-read repaired it.
        var puts = PutDocuments().Select(p => string.Join(",", p.Order(StringComparer.Ordinal))).ToList();
        var both = string.Join(",", new[] { a.ToString(), b.ToString() }.Order(StringComparer.Ordinal));
        var stale = puts.IndexOf(a.ToString());
        Assert.True(stale > puts.IndexOf(both) && puts.IndexOf(both) >= 0, string.Join(" | ", puts));
        Assert.Equal(both, puts[^1]);
        Assert.True(Iam.DeniesSession(RoleName, a.ToString()));
        Assert.True(Iam.DeniesSession(RoleName, b.ToString()));
    }

    [Fact]
    public async Task SyncAsync_TwoHostsRevokingManyAtOnce_DenyEveryOne()
    {
        var (hostA, hostB) = (Host(), Host());
        var ids = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();
        Iam.BeforePut = _ => Task.Delay(Random.Shared.Next(0, 15));

        await Task.WhenAll(ids.Select((id, i) => Task.Run(() => RevokeAsync(i % 2 == 0 ? hostA : hostB, id, TimeSpan.FromMinutes(20)))));

        Assert.All(ids, id => Assert.True(Iam.DeniesSession(RoleName, id.ToString()), $"{id} is not denied"));
    }

    [Fact]
    public async Task SyncAsync_AnotherWriterOverwritesForAWhile_PausesUntilItStopsAndSettles()
    {
        // Another writer (a replica still syncing an older view) puts a different list over each of ours for the
        // first 150 ms. Six rounds back to back fit in that window and gave up; with the pauses between contended
        // rounds (round 5 starts 240 ms in at the earliest), a later write lands after it, the next round finds it in
        // place and the sync settles. The stale write lands inside our own put, so none is still in flight when the
        // sync leaves: the outcome depends on the pauses only, not on the machine's speed.
        var other = NewClient(callTimeout: TimeSpan.FromMinutes(1));
        var staleDocument = RevocationPolicy.Render(new HashSet<string> { Guid.NewGuid().ToString() }, RoleName);
        var window = TimeSpan.FromMilliseconds(150);
        var stopwatch = new System.Diagnostics.Stopwatch();
        var overwritten = 0;
        var ours = NewClient(callTimeout: TimeSpan.FromMinutes(1));
        var policies = Substitute.For<IIamRolePolicies>();
        policies.GetAsync(default!, default!, default).ReturnsForAnyArgs(c => ours.GetAsync(c.Arg<RoleArn>(), c.ArgAt<string>(1), c.Arg<CancellationToken>()));
        policies.DeleteAsync(default!, default!, default).ReturnsForAnyArgs(c => ours.DeleteAsync(c.Arg<RoleArn>(), c.ArgAt<string>(1), c.Arg<CancellationToken>()));
        policies.PutAsync(default!, default!, default!, default).ReturnsForAnyArgs(async c =>
        {
            await ours.PutAsync(c.Arg<RoleArn>(), c.ArgAt<string>(1), c.ArgAt<string>(2), c.Arg<CancellationToken>());
            if (stopwatch.IsRunning && stopwatch.Elapsed < window)
            {
                await other.PutAsync(c.Arg<RoleArn>(), c.ArgAt<string>(1), staleDocument, c.Arg<CancellationToken>());
                overwritten++;
            }
        });
        var host = new RevocationSync(policies, _time, NullLogger<RevocationSync>.Instance);
        // Both clients make their first (slow: the SDK starts up) call before the clock starts.
        await other.GetAsync(Role, RevocationPolicy.PolicyName, Ct);
        await host.SyncAsync(Role, ReadStore, Ct);
        var id = Guid.NewGuid();

        stopwatch.Start();
        await RevokeAsync(host, id, TimeSpan.FromMinutes(30));

        Assert.True(overwritten >= 1, "the other writer never overwrote our list");
        Assert.True(Iam.DeniesSession(RoleName, id.ToString()));
    }

    [Fact]
    public async Task SyncAsync_CredentialsExpired_PrunesThemAndDeletesTheEmptyPolicy()
    {
        var host = Host();
        var (shortLived, longLived) = (Guid.NewGuid(), Guid.NewGuid());
        await RevokeAsync(host, shortLived, TimeSpan.FromMinutes(10));
        await RevokeAsync(host, longLived, TimeSpan.FromMinutes(50));

        _time.Advance(TimeSpan.FromMinutes(10));
        await host.SyncAsync(Role, ReadStore, Ct);

        Assert.False(Iam.DeniesSession(RoleName, shortLived.ToString()));
        Assert.True(Iam.DeniesSession(RoleName, longLived.ToString()));

        _time.Advance(TimeSpan.FromMinutes(40));
        await host.SyncAsync(Role, ReadStore, Ct);

        Assert.Null(Iam.Policy(RoleName, RevocationPolicy.PolicyName));
    }

    [Fact]
    public async Task SyncAsync_AlreadyInPlace_WritesNothing()
    {
        var host = Host();
        await RevokeAsync(host, Guid.NewGuid(), TimeSpan.FromMinutes(30));
        var writes = PutDocuments().Count;

        await host.SyncAsync(Role, ReadStore, Ct);

        Assert.Equal(writes, PutDocuments().Count);
    }

    [Fact]
    public async Task SyncAsync_MoreRevokedThanTheLimitHolds_FailsClearlyAndKeepsThePolicyThatWas()
    {
        var host = Host();
        var first = Guid.NewGuid();
        await RevokeAsync(host, first, TimeSpan.FromMinutes(30));
        foreach (var id in Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()))
        {
            _store[id] = new RevokedGrant(id, _time.GetUtcNow().AddMinutes(30));
        }

        await Assert.ThrowsAsync<RevocationPolicyTooLargeException>(() => host.SyncAsync(Role, ReadStore, Ct));

        Assert.True(Iam.DeniesSession(RoleName, first.ToString()));
    }
}
