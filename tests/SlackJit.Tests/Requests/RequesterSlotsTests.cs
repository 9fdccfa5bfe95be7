using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Requests;

/// <summary>How the caps' claims meet the store: one transactional step where it has one, slot by slot otherwise.</summary>
public sealed class RequesterSlotsTests
{
    private static readonly DateTimeOffset Now = AccessRequestBuilder.T0;
    private static readonly AccessOptions Options = new() { MaxPendingPerRequester = 5, MaxRequestsPerHour = 20 };
    private readonly IAccessRequestStore _store = Substitute.For<IAccessRequestStore>();
    private readonly ISlotStore _slots = Substitute.For<ISlotStore>();
    private readonly AccessRequest _request = AccessRequestBuilder.Pending().Build();

    [Fact]
    public async Task CreateAsync_TransactionalStore_OneStepWithBothClaimsAndNothingElse()
    {
        IReadOnlyList<SlotClaim>? claims = null;
        _slots.TryCreateClaimingAsync(_request, Arg.Do<IReadOnlyList<SlotClaim>>(c => claims = c), Now, Arg.Any<CancellationToken>())
            .Returns(SlotClaimOutcome.Created);

        var check = await new RequesterSlots(_slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None);

        Assert.True(check.IsAllowed);
        Assert.NotNull(claims);
        var key = _request.Requester.Key;
        Assert.Equal(
            [($"pending#{key}#", 5, _request.Deadline, true), ($"hour#{key}#", 20, Now.AddHours(1), false)],
            claims.Select(c => (c.KeyPrefix, c.Count, c.Value.Until, c.FreedWhenHolderLeavesPending)));
        Assert.All(claims, c => Assert.Equal(_request.Id.ToString("D"), c.Value.Holder));
        await _store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await _slots.DidNotReceiveWithAnyArgs().TrySetSlotAsync(default!, default, default!, default);
    }

    [Theory]
    [InlineData(0, 5, RefusalReason.TooManyPending)]
    [InlineData(1, 20, RefusalReason.TooManyRequests)]
    public async Task CreateAsync_TransactionalStoreFindsAClaimFull_RefusedWithThatCapsCount(int claim, int busy, RefusalReason reason)
    {
        _slots.TryCreateClaimingAsync(default!, default!, default, default).ReturnsForAnyArgs(SlotClaimOutcome.Full(claim, busy));

        var check = await new RequesterSlots(_slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None);

        Assert.Equal(reason, check.Refusal?.Reason);
        Assert.Equal(busy, check.Refusal?.Facts.Count);
    }

    [Fact]
    public async Task CreateAsync_TransactionalStoreUnavailable_ThrowsAndWritesNothingElse()
    {
        _slots.TryCreateClaimingAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(new StoreUnavailableException("down"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new RequesterSlots(_slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None));

        await _store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await _slots.DidNotReceiveWithAnyArgs().TrySetSlotAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task CreateAsync_IdTaken_Throws()
    {
        _slots.TryCreateClaimingAsync(default!, default!, default, default).ReturnsForAnyArgs(SlotClaimOutcome.IdTaken);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new RequesterSlots(_slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_StoreWithoutTransactionsFailsOnTheCreate_ClaimsSlotBySlotThenGivesThePendingSlotBack()
    {
        var slots = new Fakes.InMemorySlotStore();
        _store.CreateAsync(default!, default).ThrowsAsyncForAnyArgs(new StoreUnavailableException("down"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new RequesterSlots(slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None));

        var pending = slots.Snapshot[$"pending#{_request.Requester.Key}#0"];
        Assert.Equal(_request.Id.ToString("D"), pending.Holder);
        Assert.Equal(DateTimeOffset.UnixEpoch, pending.Until);
        Assert.Equal(_request.Id.ToString("D"), slots.Snapshot[$"hour#{_request.Requester.Key}#0"].Holder);
    }
}
