using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Storage;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage;

/// <summary>The slots behind the per-requester caps: compare-and-set per key, on every adapter.</summary>
public abstract partial class AccessRequestStoreContract
{
    private protected ISlotStore Slots => (ISlotStore)Store;

    [Fact]
    public async Task TrySetSlotAsync_CompareAndSet_OnlyTheExpectedValueIsReplaced()
    {
        var first = new SlotValue("a", T0.AddHours(1));
        var second = new SlotValue("b", T0.AddHours(2));

        Assert.Empty(await Slots.GetSlotsAsync(["k1", "k2"], Ct));
        Assert.True(await Slots.TrySetSlotAsync("k1", null, first, Ct));
        Assert.False(await Slots.TrySetSlotAsync("k1", null, second, Ct));
        Assert.False(await Slots.TrySetSlotAsync("k1", first with { Holder = "x" }, second, Ct));
        Assert.False(await Slots.TrySetSlotAsync("k1", first with { Until = T0 }, second, Ct));
        Assert.Equal(first, (await Slots.GetSlotsAsync(["k1", "k2"], Ct))["k1"]);
        Assert.True(await Slots.TrySetSlotAsync("k1", first, second, Ct));

        var read = await Slots.GetSlotsAsync(["k1", "k2"], Ct);
        Assert.Equal(second, Assert.Single(read).Value);
    }

    [Fact]
    public async Task TrySetSlotAsync_TwentyRacingClaims_ExactlyOneWins()
    {
        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Slots.TrySetSlotAsync("race", null, new SlotValue($"c{i}", T0.AddHours(1)), Ct))));

        Assert.Equal(1, wins.Count(w => w));
    }

    [Fact]
    public async Task RequesterSlots_FortyRacingRequests_AtMostThePendingCapClaimAndTheRestAreRefused()
    {
        var options = new AccessOptions { MaxPendingPerRequester = 5, MaxRequestsPerHour = 20 };
        var limits = new RequesterSlots(Slots, Store);
        var requests = Enumerable.Range(0, 40).Select(_ => Pending()).ToList();

        var checks = await Task.WhenAll(requests.Select(r => Task.Run(async () =>
        {
            var check = await limits.ClaimAsync(r, options, T0, Ct);
            if (check.IsAllowed)
            {
                await Store.CreateAsync(r, Ct);
            }

            return check;
        })));

        Assert.Equal(5, checks.Count(c => c.IsAllowed));
        Assert.All(checks.Where(c => !c.IsAllowed), c => Assert.Equal(RefusalReason.TooManyPending, c.Refusal!.Reason));
    }

    [Fact]
    public async Task RequesterSlots_PendingSlotsFreeWhenTheirHoldersLeavePendingAndTheHourlyCapStillCounts()
    {
        var options = new AccessOptions { MaxPendingPerRequester = 2, MaxRequestsPerHour = 3 };
        var limits = new RequesterSlots(Slots, Store);
        var first = Pending();
        var second = Pending();
        Assert.True((await limits.ClaimAsync(first, options, T0, Ct)).IsAllowed);
        await Store.CreateAsync(first, Ct);
        Assert.True((await limits.ClaimAsync(second, options, T0, Ct)).IsAllowed);
        await Store.CreateAsync(second, Ct);
        Assert.Equal(RefusalReason.TooManyPending, (await limits.ClaimAsync(Pending(), options, T0, Ct)).Refusal?.Reason);

        // The first is cancelled: its pending slot is free again, but it still counts for the hour.
        var cancel = Transitions.Cancel(first, first.Requester.UserId, T0.AddMinutes(1));
        Assert.True((await Store.ApplyAsync(cancel.Transition!, Ct)).Applied);
        var third = Pending();
        Assert.True((await limits.ClaimAsync(third, options, T0.AddMinutes(2), Ct)).IsAllowed);
        await Store.CreateAsync(third, Ct);
        await Store.ApplyAsync(Transitions.Cancel(third, third.Requester.UserId, T0.AddMinutes(3)).Transition!, Ct);

        var fourth = await limits.ClaimAsync(Pending(), options, T0.AddMinutes(4), Ct);
        Assert.Equal(RefusalReason.TooManyRequests, fourth.Refusal?.Reason);
        Assert.True((await limits.ClaimAsync(Pending(), options, T0.AddHours(1), Ct)).IsAllowed);
    }
}
