using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// The per-requester caps, enforced atomically so that a burst of commands (on one replica or many) never creates
/// more than the caps allow. A new request must claim one of the requester's <c>MaxPendingPerRequester</c> pending
/// slots and one of their <c>MaxRequestsPerHour</c> hourly slots, each with a compare-and-set write
/// (<see cref="ISlotStore"/>): of two racing claims for one slot exactly one wins, and the loser tries the next.
/// </summary>
/// <remarks>
/// Why this holds: a pending slot is taken over only when its holder can no longer be pending — its deadline has
/// passed, or the stored request has left Pending, which it never re-enters — so at any moment each pending request
/// made through here holds a slot of its own, and there are only so many slots. An hourly slot is reused only an hour
/// after its claim, so any hour sees at most that many claims. A holder that cannot be found (a claim whose request
/// was never written, or is being written right now) keeps its slot until its deadline: a crash costs a slot for a
/// while, never a cap. When the hourly claim fails, the pending slot just claimed is given back (a compensating write;
/// if that fails too, the slot stays taken until the deadline — the safe side). See docs/RELIABILITY.md.
/// </remarks>
internal sealed class RequesterSlots(ISlotStore slots, IAccessRequestStore store)
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);
    private const int TriesPerSlot = 3;

    /// <summary>Slots read per round trip: a claim usually finds a free one among the first few, whatever the cap.</summary>
    private const int SlotsPerRead = 8;

    /// <summary>Claims a pending and an hourly slot for <paramref name="request"/>, or says which cap is full.</summary>
    public async Task<PolicyCheck> ClaimAsync(AccessRequest request, AccessOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var pendingKeys = new SlotKeys("pending", request.Requester, options.MaxPendingPerRequester);
        var hourKeys = new SlotKeys("hour", request.Requester, options.MaxRequestsPerHour);

        var pendingClaim = new SlotValue(request.Id.ToString("D"), request.Deadline).Normalized();
        var pending = await ClaimOneAsync(pendingKeys, pendingClaim, (held, ct) => PendingSlotFreeAsync(held, now, ct), cancellationToken);
        if (pending.Key is null)
        {
            return AccessPolicy.CheckLimits(pending.Busy, 0, options);
        }

        var hourClaim = new SlotValue(request.Id.ToString("D"), now + RateWindow).Normalized();
        var hour = await ClaimOneAsync(hourKeys, hourClaim, (held, _) => Task.FromResult(held.Until <= now), cancellationToken);
        if (hour.Key is null)
        {
            await ReleaseAsync(pending.Key, pendingClaim, cancellationToken);
            return AccessPolicy.CheckLimits(0, hour.Busy, options);
        }

        return PolicyCheck.Allowed;
    }

    /// <summary>Gives back the pending slot of a request that was never written (the store failed after the claim).</summary>
    public async Task ReleaseAsync(AccessRequest request, AccessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claim = new SlotValue(request.Id.ToString("D"), request.Deadline).Normalized();
        var keys = new SlotKeys("pending", request.Requester, options.MaxPendingPerRequester);
        for (var index = 0; index < keys.Count; index += SlotsPerRead)
        {
            var read = await slots.GetSlotsAsync(keys.Page(index, SlotsPerRead), cancellationToken);
            foreach (var (key, _) in read.Where(r => r.Value == claim))
            {
                await ReleaseAsync(key, claim, cancellationToken);
                return;
            }
        }
    }

    private async Task<(string? Key, int Busy)> ClaimOneAsync(
        SlotKeys keys,
        SlotValue claim,
        Func<SlotValue, CancellationToken, Task<bool>> isFree,
        CancellationToken cancellationToken)
    {
        var busy = 0;
        IReadOnlyDictionary<string, SlotValue> read = new Dictionary<string, SlotValue>();
        for (var index = 0; index < keys.Count; index++)
        {
            var key = keys.At(index);
            if (index % SlotsPerRead == 0)
            {
                read = await slots.GetSlotsAsync(keys.Page(index, SlotsPerRead), cancellationToken);
            }

            var held = read.GetValueOrDefault(key);
            for (var attempt = 0; attempt < TriesPerSlot; attempt++)
            {
                if (held is not null && !await isFree(held, cancellationToken))
                {
                    busy++;
                    break;
                }

                if (await slots.TrySetSlotAsync(key, held, claim, cancellationToken))
                {
                    return (key, busy);
                }

                // Someone else wrote it since it was read: look again.
                held = (await slots.GetSlotsAsync([key], cancellationToken)).GetValueOrDefault(key);
                if (attempt == TriesPerSlot - 1)
                {
                    busy++;
                }
            }
        }

        return (null, busy);
    }

    private async Task<bool> PendingSlotFreeAsync(SlotValue held, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (held.Until <= now)
        {
            return true;
        }

        return Guid.TryParse(held.Holder, out var id)
            && await store.GetAsync(id, cancellationToken) is { } holder
            && (holder.Status != RequestStatus.Pending || holder.Deadline <= now);
    }

    // A released slot keeps its holder (so a late, duplicate release cannot free someone else's claim) and ends now.
    private Task<bool> ReleaseAsync(string key, SlotValue claim, CancellationToken cancellationToken) =>
        slots.TrySetSlotAsync(key, claim, claim with { Until = DateTimeOffset.UnixEpoch }, cancellationToken);

    /// <summary>One requester's slots of one kind, named on demand (a cap may be large; a claim reads only a few).</summary>
    private readonly record struct SlotKeys(string Kind, SlackIdentity Requester, int Cap)
    {
        public int Count => Math.Max(Cap, 0);

        public string At(int index) => $"{Kind}#{Requester.Key}#{index}";

        public List<string> Page(int start, int size) => [.. Enumerable.Range(start, Math.Min(size, Count - start)).Select(At)];
    }
}
