using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Storage;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage;

/// <summary>
/// A new request checked against the requester's caps together with its write (<see cref="RequesterSlots.CreateAsync"/>):
/// counted in one transaction where the adapter has them (SQLite), claimed slot by slot where it has not (DynamoDB);
/// the same outcomes on both.
/// </summary>
public abstract partial class AccessRequestStoreContract
{
    /// <summary>The caps are claimed in slots (false: the adapter counts them in the create's transaction).</summary>
    private protected virtual bool CapsUseSlots => true;

    [Fact]
    public async Task RequesterSlots_CreateAsync_FortyRacingRequests_ThePendingCapIsCreatedAndNothingElseIsWritten()
    {
        var options = new AccessOptions { MaxPendingPerRequester = 5, MaxRequestsPerHour = 20 };
        var limits = new RequesterSlots(Slots, Store);
        var requests = Enumerable.Range(0, 40).Select(_ => Pending()).ToList();

        var checks = await Task.WhenAll(requests.Select(r => Task.Run(() => limits.CreateAsync(r, options, T0, Ct))));

        Assert.Equal(5, checks.Count(c => c.IsAllowed));
        Assert.All(checks.Where(c => !c.IsAllowed), c => Assert.Equal(RefusalReason.TooManyPending, c.Refusal!.Reason));
        var stored = await Store.GetByRequesterAsync(Requester(), 100, Ct);
        var created = requests.Where((_, i) => checks[i].IsAllowed).Select(r => r.Id).Order().ToList();
        Assert.Equal(created, stored.Select(r => r.Id).Order().ToList());
        var pendingSlots = await Slots.GetSlotsAsync([.. Enumerable.Range(0, 5).Select(i => $"pending#{Requester().Key}#{i}")], Ct);
        Assert.Equal(CapsUseSlots ? created : [], pendingSlots.Values.Select(v => Guid.Parse(v.Holder)).Order().ToList());
    }

    [Fact]
    public async Task RequesterSlots_CreateAsync_PendingSlotsFreeWhenTheirHoldersLeavePendingAndTheHourlyCapStillCounts()
    {
        var options = new AccessOptions { MaxPendingPerRequester = 2, MaxRequestsPerHour = 3 };
        var limits = new RequesterSlots(Slots, Store);
        var first = Pending();
        Assert.True((await limits.CreateAsync(first, options, T0, Ct)).IsAllowed);
        Assert.True((await limits.CreateAsync(Pending(), options, T0, Ct)).IsAllowed);
        var refused = await limits.CreateAsync(Pending(), options, T0, Ct);
        Assert.Equal(RefusalReason.TooManyPending, refused.Refusal?.Reason);
        Assert.Equal(2, refused.Refusal?.Facts.Count);

        // The first is cancelled: its pending slot is free again, but it still counts for the hour.
        Assert.True((await Store.ApplyAsync(Transitions.Cancel(first, first.Requester.UserId, T0.AddMinutes(1)).Transition!, Ct)).Applied);
        var third = Pending();
        Assert.True((await limits.CreateAsync(third, options, T0.AddMinutes(2), Ct)).IsAllowed);
        Assert.True((await Store.ApplyAsync(Transitions.Cancel(third, third.Requester.UserId, T0.AddMinutes(3)).Transition!, Ct)).Applied);

        var fourth = await limits.CreateAsync(Pending(), options, T0.AddMinutes(4), Ct);
        Assert.Equal(RefusalReason.TooManyRequests, fourth.Refusal?.Reason);
        Assert.Equal(3, fourth.Refusal?.Facts.Count);
        Assert.Equal(3, (await Store.GetByRequesterAsync(Requester(), 100, Ct)).Count);
        Assert.True((await limits.CreateAsync(Pending(), options, T0.AddHours(1), Ct)).IsAllowed);
    }

    [Fact]
    public async Task RequesterSlots_CreateAsync_IdAlreadyStored_Throws()
    {
        var options = new AccessOptions { MaxPendingPerRequester = 5, MaxRequestsPerHour = 20 };
        var limits = new RequesterSlots(Slots, Store);
        var request = Pending();
        await Store.CreateAsync(request, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => limits.CreateAsync(request, options, T0, Ct));
    }
}
