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
        // Another writer puts a different list over ours, again and again, for a moment (a replica still syncing an
        // older view). Six rounds back to back fit in that moment and gave up; with the pauses between contended
        // rounds (round 6 starts 400 ms in at the earliest), the later rounds come after it, with room for a slow
        // machine to finish the last stale write, and the sync settles on the store's list.
        var host = Host();
        var ours = Guid.NewGuid();
        var other = NewClient(callTimeout: TimeSpan.FromMinutes(1));
        var staleDocument = RevocationPolicy.Render(new HashSet<string> { Guid.NewGuid().ToString() }, RoleName);
        var overwriting = TimeSpan.FromMilliseconds(120);
        // Both clients make their first (slow: the SDK starts up) call before the clock starts.
        await other.GetAsync(Role, RevocationPolicy.PolicyName, Ct);
        await host.SyncAsync(Role, ReadStore, Ct);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        // Two loops, so a stale list lands between any two of our calls while they run.
        var competitor = Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < overwriting)
            {
                await other.PutAsync(Role, RevocationPolicy.PolicyName, staleDocument, Ct);
            }
        })));

        await RevokeAsync(host, ours, TimeSpan.FromMinutes(30));
        await competitor;

        Assert.True(Iam.DeniesSession(RoleName, ours.ToString()));
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
