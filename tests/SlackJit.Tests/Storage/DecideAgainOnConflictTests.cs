using NSubstitute;
using SlackJit.Access;
using SlackJit.Storage;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Storage;

public sealed class DecideAgainOnConflictTests
{
    private static readonly DateTimeOffset Now = AccessRequestBuilder.T0 + TimeSpan.FromMinutes(10);
    private readonly IAccessRequestStore _store = Substitute.For<IAccessRequestStore>();
    private readonly AccessRequest _pending = AccessRequestBuilder.Pending().WithRequiredApprovals(2).Build();

    private static TransitionDecision Approve(AccessRequest current, string approver = AccessRequestBuilder.ApproverId) =>
        Transitions.Approve(current, approver, Now);

    [Fact]
    public async Task Apply_NoConflict_AppliedOnce()
    {
        _store.ApplyAsync(default!, default).ReturnsForAnyArgs(call => TransitionResult.Success(call.Arg<Transition>().Next));

        var write = await _store.ApplyDecidingAgainAsync(_pending, c => Approve(c), CancellationToken.None);

        Assert.Equal(DecidedWriteStatus.Applied, write.Status);
        Assert.Single(write.Current.Approvals);
        await _store.ReceivedWithAnyArgs(1).ApplyAsync(default!, default);
    }

    [Fact]
    public async Task Apply_ConflictThenFree_DecidesAgainOnTheStoredState()
    {
        // Another approver got there first: the second decision is made on their approval.
        var other = Approve(_pending, "U0OTHER").Transition!.Next;
        _store.ApplyAsync(default!, default).ReturnsForAnyArgs(
            _ => TransitionResult.Conflict(other),
            call => TransitionResult.Success(call.Arg<Transition>().Next));

        var write = await _store.ApplyDecidingAgainAsync(_pending, c => Approve(c), CancellationToken.None);

        Assert.True(write.Applied);
        Assert.Equal(RequestStatus.Approved, write.Current.Status);
        Assert.Equal(["U0OTHER", AccessRequestBuilder.ApproverId], write.Current.Approvals.Select(a => a.ApproverId));
    }

    [Fact]
    public async Task Apply_StoredStateRefuses_RefusedWithTheDomainsRefusalAndNoSecondWrite()
    {
        var denied = AccessRequestBuilder.In(RequestStatus.Denied).Build();
        _store.ApplyAsync(default!, default).ReturnsForAnyArgs(TransitionResult.Conflict(denied));

        var write = await _store.ApplyDecidingAgainAsync(_pending, c => Approve(c), CancellationToken.None);

        Assert.Equal(DecidedWriteStatus.Refused, write.Status);
        Assert.Equal(RefusalReason.AlreadyDecided, write.Refusal!.Reason);
        Assert.Same(denied, write.Current);
        await _store.ReceivedWithAnyArgs(1).ApplyAsync(default!, default);
    }

    [Fact]
    public async Task Apply_RequestGone_Gone()
    {
        _store.ApplyAsync(default!, default).ReturnsForAnyArgs(TransitionResult.Conflict(null));

        var write = await _store.ApplyDecidingAgainAsync(_pending, c => Approve(c), CancellationToken.None);

        Assert.Equal(DecidedWriteStatus.Gone, write.Status);
        Assert.Same(_pending, write.Current);
    }

    [Fact]
    public async Task Apply_AlwaysConflicting_ContendedAfterTheOneLimit()
    {
        _store.ApplyAsync(default!, default).ReturnsForAnyArgs(_ => TransitionResult.Conflict(_pending with { Version = _pending.Version + 1 }));

        var write = await _store.ApplyDecidingAgainAsync(_pending, c => Approve(c), CancellationToken.None);

        Assert.Equal(DecidedWriteStatus.Contended, write.Status);
        await _store.ReceivedWithAnyArgs(DecideAgainOnConflict.MaxAttempts).ApplyAsync(default!, default);
    }

    [Fact]
    public async Task Apply_StepBeforeWriteSaysStop_StoppedAndNothingWritten()
    {
        var write = await _store.ApplyDecidingAgainAsync(
            _pending, c => Approve(c), CancellationToken.None, beforeWrite: (_, _) => Task.FromResult<Transition?>(null));

        Assert.Equal(DecidedWriteStatus.Stopped, write.Status);
        await _store.DidNotReceiveWithAnyArgs().ApplyAsync(default!, default);
    }
}
