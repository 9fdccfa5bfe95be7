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

    /// <summary>Claims a pending and an hourly slot for <paramref name="request"/>, or says which cap is full.</summary>
    public async Task<PolicyCheck> ClaimAsync(AccessRequest request, AccessOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var pendingKeys = Keys("pending", request.Requester, options.MaxPendingPerRequester);
        var hourKeys = Keys("hour", request.Requester, options.MaxRequestsPerHour);
        var read = await slots.GetSlotsAsync([.. pendingKeys, .. hourKeys], cancellationToken);

        var pendingClaim = new SlotValue(request.Id.ToString("D"), request.Deadline).Normalized();
        var pending = await ClaimOneAsync(pendingKeys, read, pendingClaim, (held, ct) => PendingSlotFreeAsync(held, now, ct), cancellationToken);
        if (pending.Key is null)
        {
            return AccessPolicy.CheckLimits(pending.Busy, 0, options);
        }

        var hourClaim = new SlotValue(request.Id.ToString("D"), now + RateWindow).Normalized();
        var hour = await ClaimOneAsync(hourKeys, read, hourClaim, (held, _) => Task.FromResult(held.Until <= now), cancellationToken);
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
        var keys = Keys("pending", request.Requester, options.MaxPendingPerRequester);
        var read = await slots.GetSlotsAsync(keys, cancellationToken);
        foreach (var key in keys.Where(k => read.TryGetValue(k, out var held) && held == claim))
        {
            await ReleaseAsync(key, claim, cancellationToken);
        }
    }

    private async Task<(string? Key, int Busy)> ClaimOneAsync(
        IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, SlotValue> read,
        SlotValue claim,
        Func<SlotValue, CancellationToken, Task<bool>> isFree,
        CancellationToken cancellationToken)
    {
        var busy = 0;
        foreach (var key in keys)
        {
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

    private static List<string> Keys(string kind, SlackIdentity requester, int count) =>
        [.. Enumerable.Range(0, Math.Max(count, 0)).Select(i => $"{kind}#{requester.Key}#{i}")];
}
