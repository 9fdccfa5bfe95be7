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
    public async Task CreateAsync_TransactionalStore_OneStepWithBothCapsAndNothingElse()
    {
        _slots.TryCreateWithinCapsAsync(_request, new RequesterCaps(5, 20, TimeSpan.FromHours(1)), Now, Arg.Any<CancellationToken>())
            .Returns(CappedCreateOutcome.Created);

        var check = await new RequesterSlots(_slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None);

        Assert.True(check.IsAllowed);
        await _store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await _slots.DidNotReceiveWithAnyArgs().TrySetSlotAsync(default!, default, default!, default);
        await _slots.DidNotReceiveWithAnyArgs().GetSlotsAsync(default!, default);
    }

    [Fact]
    public async Task CreateAsync_BreakGlassOnATransactionalStore_OnlyTheRateCap()
    {
        var breakGlass = _request with { BreakGlass = new BreakGlassReview(Now, Now.AddHours(24)) };
        _slots.TryCreateWithinCapsAsync(breakGlass, new RequesterCaps(null, 20, TimeSpan.FromHours(1)), Now, Arg.Any<CancellationToken>())
            .Returns(CappedCreateOutcome.Created);

        var check = await new RequesterSlots(_slots, _store).CreateAsync(breakGlass, Options, Now, CancellationToken.None);

        Assert.True(check.IsAllowed);
    }

    [Theory]
    [InlineData(RequesterCap.Pending, 5, RefusalReason.TooManyPending)]
    [InlineData(RequesterCap.Rate, 20, RefusalReason.TooManyRequests)]
    public async Task CreateAsync_TransactionalStoreFindsACapFull_RefusedWithThatCapsCount(RequesterCap cap, int count, RefusalReason reason)
    {
        _slots.TryCreateWithinCapsAsync(default!, default!, default, default).ReturnsForAnyArgs(CappedCreateOutcome.Over(cap, count));

        var check = await new RequesterSlots(_slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None);

        Assert.Equal(reason, check.Refusal?.Reason);
        Assert.Equal(count, check.Refusal?.Facts.Count);
    }

    [Fact]
    public async Task CreateAsync_TransactionalStoreUnavailable_ThrowsAndWritesNothingElse()
    {
        _slots.TryCreateWithinCapsAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(new StoreUnavailableException("down"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            new RequesterSlots(_slots, _store).CreateAsync(_request, Options, Now, CancellationToken.None));

        await _store.DidNotReceiveWithAnyArgs().CreateAsync(default!, default);
        await _slots.DidNotReceiveWithAnyArgs().TrySetSlotAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task CreateAsync_IdTaken_Throws()
    {
        _slots.TryCreateWithinCapsAsync(default!, default!, default, default).ReturnsForAnyArgs(CappedCreateOutcome.IdTaken);

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
