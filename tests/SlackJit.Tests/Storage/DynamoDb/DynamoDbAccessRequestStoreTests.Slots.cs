using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Storage;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage.DynamoDb;

/// <summary>
/// The caps' slots where they are claimed one by one (no transactions): a slot whose claim was never followed by its
/// request, or whose holder is past its deadline.
/// </summary>
public sealed partial class DynamoDbAccessRequestStoreTests
{
    [Fact]
    public async Task RequesterSlots_CreateAsync_HolderNeverWritten_KeepsItsSlotUntilItsDeadline()
    {
        var options = new AccessOptions { MaxPendingPerRequester = 1, MaxRequestsPerHour = 20 };
        var limits = new RequesterSlots(Slots, Store);
        // A claim whose request was never written (a host died between the two).
        Assert.True(await Slots.TrySetSlotAsync($"pending#{Requester().Key}#0", null, new SlotValue(Guid.NewGuid().ToString("D"), T0.AddHours(1)), Ct));

        Assert.Equal(RefusalReason.TooManyPending, (await limits.CreateAsync(Pending(), options, T0.AddMinutes(59), Ct)).Refusal?.Reason);
        Assert.True((await limits.CreateAsync(Pending(createdAt: T0.AddHours(1)), options, T0.AddHours(1), Ct)).IsAllowed);
    }

    [Fact]
    public async Task RequesterSlots_CreateAsync_PendingHolderPastItsDeadline_FreesItsSlot()
    {
        var options = new AccessOptions { MaxPendingPerRequester = 1, MaxRequestsPerHour = 20 };
        var limits = new RequesterSlots(Slots, Store);
        var first = Pending();
        Assert.True((await limits.CreateAsync(first, options, T0, Ct)).IsAllowed);
        // Still Pending in the store (no sweeper ran), but its deadline (an hour) has passed; its slot claim was
        // made to last as long, so move the claim's own end later to see the holder's deadline decide.
        var key = $"pending#{Requester().Key}#0";
        var held = (await Slots.GetSlotsAsync([key], Ct))[key];
        Assert.True(await Slots.TrySetSlotAsync(key, held, held with { Until = T0.AddDays(1) }, Ct));

        Assert.Equal(RefusalReason.TooManyPending, (await limits.CreateAsync(Pending(), options, T0.AddMinutes(59), Ct)).Refusal?.Reason);
        var later = Pending(createdAt: T0.AddHours(1));
        Assert.True((await limits.CreateAsync(later, options, first.Deadline, Ct)).IsAllowed);
        Assert.Equal(later.Id.ToString("D"), (await Slots.GetSlotsAsync([key], Ct))[key].Holder);
    }
}
