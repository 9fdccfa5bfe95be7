using SlackJit.Access;
using SlackJit.Storage;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage;

/// <summary>
/// The behaviour every store adapter must have. Each subclass supplies a fresh, empty store per test.
/// </summary>
public abstract partial class AccessRequestStoreContract : IAsyncLifetime
{
    private IAccessRequestStore? _store;

    protected IAccessRequestStore Store => _store ?? throw new InvalidOperationException("Store not created.");

    // Bounds every call so a hung store fails the test instead of the run.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(1));

    protected CancellationToken Ct => _timeout.Token;

    protected abstract Task<IAccessRequestStore> CreateStoreAsync();

    protected abstract Task DisposeStoreAsync(IAccessRequestStore store);

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
        _timeout.Dispose();
    }

    [Fact]
    public async Task CreateAsync_RichRequest_GetRoundTripsEveryField()
    {
        var request = Rich();

        Assert.Equal(CreateResult.Created, await Store.CreateAsync(request, Ct));

        AssertSameRequest(request, await Store.GetAsync(request.Id, Ct));
    }

    [Fact]
    public async Task CreateAsync_MinimalRequest_GetRoundTripsEveryField()
    {
        var request = Pending() with { Events = [] };

        await Store.CreateAsync(request, Ct);

        AssertSameRequest(request, await Store.GetAsync(request.Id, Ct));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_ReturnsAlreadyExistsAndKeepsTheFirst()
    {
        var first = Pending();
        await Store.CreateAsync(first, Ct);

        var result = await Store.CreateAsync(first with { Reason = "a second attempt" }, Ct);

        Assert.Equal(CreateResult.AlreadyExists, result);
        Assert.Equal("INC-4211 investigating", (await Store.GetAsync(first.Id, Ct))?.Reason);
    }

    [Fact]
    public async Task GetAsync_MissingId_ReturnsNull()
    {
        await Store.CreateAsync(Pending(), Ct);

        Assert.Null(await Store.GetAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task ApplyAsync_ExpectedStatusAndVersion_AppliesBumpsVersionAndAppendsTheEvent()
    {
        var created = Pending();
        await Store.CreateAsync(created, Ct);
        var approve = Approve(created, "U0APPROVER", T0.AddMinutes(3));

        var result = await Store.ApplyAsync(approve, Ct);

        Assert.True(result.Applied);
        var stored = await Store.GetAsync(created.Id, Ct);
        AssertSameRequest(approve.Next, stored);
        Assert.Equal(1, stored!.Version);
        Assert.Equal(RequestStatus.Approved, stored.Status);
        Assert.Equal([created.Events[0], approve.Event!], stored.Events);
    }

    [Fact]
    public async Task ApplyAsync_SuccessiveTransitions_EachAppendsExactlyOneEvent()
    {
        var created = Pending();
        await Store.CreateAsync(created, Ct);
        var approved = (await Store.ApplyAsync(Approve(created, "U0APPROVER", T0.AddMinutes(1)), Ct)).Current!;
        var issuingEvent = new AuditEvent(T0.AddMinutes(2), AuditEvent.SystemActor, "issuing", RequestStatus.Approved, RequestStatus.Issuing);

        var result = await Store.ApplyAsync(
            Transition.From(approved, approved with { Status = RequestStatus.Issuing, IssueAttempts = 1 }, issuingEvent), Ct);

        Assert.True(result.Applied);
        var stored = await Store.GetAsync(created.Id, Ct);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(3, stored.Events.Count);
        Assert.Equal(issuingEvent, stored.Events[^1]);
        Assert.Equal(1, stored.IssueAttempts);
    }

    [Fact]
    public async Task ApplyAsync_StaleVersion_ReturnsConflictWithCurrent()
    {
        var created = Pending();
        await Store.CreateAsync(created, Ct);
        var winner = Approve(created, "U0FIRST", T0.AddMinutes(1));
        await Store.ApplyAsync(winner, Ct);

        var result = await Store.ApplyAsync(Approve(created, "U0SECOND", T0.AddMinutes(2)), Ct);

        Assert.True(result.IsConflict);
        AssertSameRequest(winner.Next, result.Current);
        AssertSameRequest(winner.Next, await Store.GetAsync(created.Id, Ct));
    }

    [Fact]
    public async Task ApplyAsync_StaleVersionSameStatus_ReturnsConflictWithCurrent()
    {
        var created = Pending() with { RequiredApprovals = 2 };
        await Store.CreateAsync(created, Ct);
        var first = RecordApproval(created, "U0FIRST", T0.AddMinutes(1));
        await Store.ApplyAsync(first, Ct);

        var result = await Store.ApplyAsync(RecordApproval(created, "U0SECOND", T0.AddMinutes(2)), Ct);

        Assert.True(result.IsConflict);
        AssertSameRequest(first.Next, result.Current);
        AssertSameRequest(first.Next, await Store.GetAsync(created.Id, Ct));
    }

    [Fact]
    public async Task ApplyAsync_WrongStatus_ReturnsConflictAndChangesNothing()
    {
        var created = Pending();
        await Store.CreateAsync(created, Ct);
        var wrong = Approve(created, "U0APPROVER", T0.AddMinutes(1)) with { FromStatus = RequestStatus.Approved };

        var result = await Store.ApplyAsync(wrong, Ct);

        Assert.True(result.IsConflict);
        AssertSameRequest(created, result.Current);
        AssertSameRequest(created, await Store.GetAsync(created.Id, Ct));
    }

    [Fact]
    public async Task ApplyAsync_MissingRequest_ReturnsConflictWithoutCurrent()
    {
        var result = await Store.ApplyAsync(Approve(Pending(), "U0APPROVER", T0), Ct);

        Assert.True(result.IsConflict);
        Assert.Null(result.Current);
    }

    [Fact]
    public async Task ApplyAsync_NextVersionNotBumped_ThrowsAndChangesNothing()
    {
        var created = Pending();
        await Store.CreateAsync(created, Ct);
        var approve = Approve(created, "U0APPROVER", T0);
        var malformed = approve with { Next = approve.Next with { Version = created.Version } };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.ApplyAsync(malformed, Ct));

        AssertSameRequest(created, await Store.GetAsync(created.Id, Ct));
    }

    [Fact]
    public async Task GetDueAsync_MixedDueTimes_ReturnsOnlyDueOldestFirstBoundedByLimit()
    {
        var now = T0.AddHours(1);
        var threeAgo = Pending(dueAt: now.AddMinutes(-3));
        var oneAgo = Pending(dueAt: now.AddMinutes(-1));
        var exactlyNow = Pending(dueAt: now);
        var twoAgo = Pending(dueAt: now.AddMinutes(-2));
        var later = Pending(dueAt: now.AddMinutes(1));
        var never = Pending(dueAt: null);
        foreach (var request in new[] { threeAgo, oneAgo, exactlyNow, twoAgo, later, never })
        {
            await Store.CreateAsync(request, Ct);
        }

        var all = await Store.GetDueAsync(now, 10, Ct);
        var firstTwo = await Store.GetDueAsync(now, 2, Ct);

        Assert.Equal([threeAgo.Id, twoAgo.Id, oneAgo.Id, exactlyNow.Id], all.Select(r => r.Id));
        Assert.Equal([threeAgo.Id, twoAgo.Id], firstTwo.Select(r => r.Id));
        AssertSameRequest(threeAgo, all[0]);
    }

    [Fact]
    public async Task GetDueAsync_DueAtClearedByTransition_NoLongerReturned()
    {
        var created = Pending(dueAt: T0.AddHours(1));
        var other = Pending(dueAt: T0.AddMinutes(30));
        await Store.CreateAsync(created, Ct);
        await Store.CreateAsync(other, Ct);
        Assert.Equal(2, (await Store.GetDueAsync(T0.AddHours(2), 10, Ct)).Count);

        await Store.ApplyAsync(Approve(created, "U0APPROVER", T0.AddMinutes(10), dueAt: null), Ct);

        Assert.Equal([other.Id], (await Store.GetDueAsync(T0.AddHours(2), 10, Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task GetDueAsync_DueAtMovedLaterByTransition_ReturnedOnlyOnceDue()
    {
        var created = Pending(dueAt: T0.AddMinutes(5));
        await Store.CreateAsync(created, Ct);

        await Store.ApplyAsync(Approve(created, "U0APPROVER", T0.AddMinutes(1), dueAt: T0.AddHours(3)), Ct);

        Assert.Empty(await Store.GetDueAsync(T0.AddHours(1), 10, Ct));
        var due = Assert.Single(await Store.GetDueAsync(T0.AddHours(3), 10, Ct));
        Assert.Equal(RequestStatus.Approved, due.Status);
    }

    [Fact]
    public async Task GetByRequesterAsync_SeveralRequesters_ReturnsOnlyThatRequesterNewestFirstBounded()
    {
        var alice = Requester("U0ALICE", "T0ONE");
        var bob = Requester("U0BOB", "T0ONE");
        var aliceElsewhere = Requester("U0ALICE", "T0TWO");
        var a1 = Pending(T0.AddHours(1), alice);
        var a3 = Pending(T0.AddHours(3), alice);
        var a0 = Pending(T0, alice);
        var a2 = Pending(T0.AddHours(2), alice);
        var b = Pending(T0.AddHours(5), bob);
        var elsewhere = Pending(T0.AddHours(6), aliceElsewhere);
        foreach (var request in new[] { a1, a3, b, a0, elsewhere, a2 })
        {
            await Store.CreateAsync(request, Ct);
        }

        var newestThree = await Store.GetByRequesterAsync(alice, 3, Ct);
        var all = await Store.GetByRequesterAsync(alice, 50, Ct);

        Assert.Equal([a3.Id, a2.Id, a1.Id], newestThree.Select(r => r.Id));
        Assert.Equal([a3.Id, a2.Id, a1.Id, a0.Id], all.Select(r => r.Id));
        AssertSameRequest(a3, newestThree[0]);
        Assert.Empty(await Store.GetByRequesterAsync(Requester("U0NOBODY", "T0ONE"), 10, Ct));
    }

    [Fact]
    public async Task GetByRequesterAsync_PendingAndDecidedInterleaved_NewestFirstAcrossBoth()
    {
        var alice = Requester("U0ALICE", "T0ONE");
        var requests = Enumerable.Range(0, 6).Select(h => Pending(T0.AddHours(h), alice)).ToList();
        foreach (var request in requests)
        {
            await Store.CreateAsync(request, Ct);
        }
        // Every other one decided: the newest is pending, the next one approved, and so on.
        foreach (var request in requests.Where((_, i) => i % 2 == 0))
        {
            Assert.True((await Store.ApplyAsync(Approve(request, "U0APPROVER", T0.AddHours(7)), Ct)).Applied);
        }

        var newestFour = await Store.GetByRequesterAsync(alice, 4, Ct);
        var all = await Store.GetByRequesterAsync(alice, 50, Ct);

        Assert.Equal(requests.AsEnumerable().Reverse().Take(4).Select(r => r.Id), newestFour.Select(r => r.Id));
        Assert.Equal(requests.AsEnumerable().Reverse().Select(r => r.Id), all.Select(r => r.Id));
        Assert.Equal(
            [RequestStatus.Pending, RequestStatus.Approved, RequestStatus.Pending, RequestStatus.Approved],
            newestFour.Select(r => r.Status));
    }

    [Fact]
    public async Task ApplyAsync_FiftyConcurrentFromSameVersion_ExactlyOneWinsOthersConflict()
    {
        const int clicks = 50;
        // Status-preserving transitions: only the version check can pick a single winner.
        var created = Pending() with { RequiredApprovals = 3 };
        await Store.CreateAsync(created, Ct);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, clicks).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await Store.ApplyAsync(RecordApproval(created, $"U0APPROVER{i:00}", T0.AddSeconds(i)), Ct);
        })).ToList();

        go.SetResult();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Applied);
        var losers = results.Where(r => r.IsConflict).ToList();
        Assert.Equal(clicks - 1, losers.Count);
        Assert.All(losers, r => Assert.Equal(1, r.Current?.Version));
        var stored = await Store.GetAsync(created.Id, Ct);
        AssertSameRequest(winner.Current!, stored);
        Assert.Equal(2, stored!.Events.Count);
        Assert.Single(stored.Approvals);
    }

    [Fact]
    public async Task PingAsync_WorkingStore_Completes()
    {
        var failure = await Record.ExceptionAsync(() => Store.PingAsync(Ct));

        Assert.Null(failure);
    }
}
