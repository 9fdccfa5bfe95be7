using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// The per-requester caps, enforced atomically so that a burst of commands (on one replica or many) never creates
/// more than the caps allow. A new request must claim one of the requester's <c>MaxPendingPerRequester</c> pending
/// slots and one of their <c>MaxRequestsPerHour</c> hourly slots, each with a compare-and-set write
/// (<see cref="ISlotStore"/>): of two racing claims for one slot exactly one wins, and the loser tries the next. A
/// store with transactions (SQLite) needs no slots: it counts the requester's open pending requests and the last
/// hour's requests and writes the request in one transaction (<see cref="ISlotStore.TryCreateWithinCapsAsync"/>): no
/// race to lose, and nothing written when a cap is full.
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
    private const int TriesPerSlot = 3;

    /// <summary>Slots read per round trip: a claim usually finds a free one among the first few, whatever the cap.</summary>
    private const int SlotsPerRead = 8;

    /// <summary>
    /// Claims a pending and an hourly slot for <paramref name="request"/> and creates it, or says which cap is full
    /// (then nothing is written). A store with transactions counts and creates in one (<see cref="ISlotStore.TryCreateWithinCapsAsync"/>);
    /// otherwise the slots are claimed one by one (<see cref="ClaimAsync"/>), then the request is created, and a store
    /// failure on the create gives the pending slot back.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store did not answer; the request was not written.</exception>
    public async Task<PolicyCheck> CreateAsync(AccessRequest request, AccessOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        // A break-glass request is stored Approved, never pending: only the hourly cap applies to it.
        var caps = new RequesterCaps(
            request.BreakGlass is null ? Math.Max(options.MaxPendingPerRequester, 0) : null, Math.Max(options.MaxRequestsPerHour, 0), AccessPolicy.RateWindow);
        if (await slots.TryCreateWithinCapsAsync(request, caps, now, cancellationToken) is { } counted)
        {
            switch (counted.Full)
            {
                case RequesterCap.Pending:
                    return AccessPolicy.CheckLimits(counted.Count, 0, options);
                case RequesterCap.Rate:
                    return AccessPolicy.CheckLimits(0, counted.Count, options);
            }
            EnsureCreated(counted.Result, request);
            return PolicyCheck.Allowed;
        }

        var claimed = await ClaimAsync(request, options, now, cancellationToken);
        if (!claimed.IsAllowed)
        {
            return claimed;
        }

        CreateResult created;
        try
        {
            created = await store.CreateAsync(request, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            await ReleaseQuietlyAsync(request, options);
            throw;
        }
        EnsureCreated(created, request);
        return PolicyCheck.Allowed;
    }

    /// <summary>Claims a pending and an hourly slot for <paramref name="request"/>, or says which cap is full.</summary>
    public async Task<PolicyCheck> ClaimAsync(AccessRequest request, AccessOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var pendingClaim = PendingClaim(request, options);
        string? pendingKey = null;
        if (request.BreakGlass is null)
        {
            var pending = await ClaimOneAsync(pendingClaim, (held, ct) => PendingSlotFreeAsync(held, now, ct), cancellationToken);
            if (pending.Key is null)
            {
                return AccessPolicy.CheckLimits(pending.Busy, 0, options);
            }
            pendingKey = pending.Key;
        }

        var hour = await ClaimOneAsync(HourClaim(request, options, now), (held, _) => Task.FromResult(SlotClaim.Expired(held, now)), cancellationToken);
        if (hour.Key is null)
        {
            if (pendingKey is not null)
            {
                await ReleaseAsync(pendingKey, pendingClaim.Value, cancellationToken);
            }
            return AccessPolicy.CheckLimits(0, hour.Busy, options);
        }

        return PolicyCheck.Allowed;
    }

    /// <summary>Gives back the pending slot of a request that was never written (the store failed after the claim).</summary>
    public async Task ReleaseAsync(AccessRequest request, AccessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claim = PendingClaim(request, options);
        for (var index = 0; index < claim.Count; index += SlotsPerRead)
        {
            var read = await slots.GetSlotsAsync(Page(claim, index), cancellationToken);
            foreach (var (key, _) in read.Where(r => r.Value == claim.Value))
            {
                await ReleaseAsync(key, claim.Value, cancellationToken);
                return;
            }
        }
    }

    /// <summary>One of the requester's pending slots, held until the request's deadline unless it leaves Pending sooner.</summary>
    private static SlotClaim PendingClaim(AccessRequest request, AccessOptions options) =>
        new(Prefix("pending", request.Requester), Math.Max(options.MaxPendingPerRequester, 0),
            new SlotValue(request.Id.ToString("D"), request.Deadline).Normalized());

    /// <summary>One of the requester's hourly slots, held for the hour.</summary>
    private static SlotClaim HourClaim(AccessRequest request, AccessOptions options, DateTimeOffset now) =>
        new(Prefix("hour", request.Requester), Math.Max(options.MaxRequestsPerHour, 0),
            new SlotValue(request.Id.ToString("D"), now + AccessPolicy.RateWindow).Normalized());

    private static string Prefix(string kind, SlackIdentity requester) => $"{kind}#{requester.Key}#";

    // Slots are named on demand (a cap may be large; a claim reads only a few).
    private static List<string> Page(SlotClaim claim, int start) =>
        [.. Enumerable.Range(start, Math.Min(SlotsPerRead, claim.Count - start)).Select(claim.KeyAt)];

    // Ids are Guid v7 with 74 random bits: a clash is a bug, not an outcome.
    private static void EnsureCreated(CreateResult created, AccessRequest request)
    {
        if (created != CreateResult.Created)
        {
            throw new InvalidOperationException($"Request id {request.Id} already exists.");
        }
    }

    // The store just failed; if it still fails, the slot stays taken until the request's deadline (the safe side).
    private async Task ReleaseQuietlyAsync(AccessRequest request, AccessOptions options)
    {
        try
        {
            await ReleaseAsync(request, options, CancellationToken.None);
        }
        catch (StoreUnavailableException)
        {
            // Nothing more to do: the caller reports the store outage.
        }
    }

    private async Task<(string? Key, int Busy)> ClaimOneAsync(
        SlotClaim claim,
        Func<SlotValue, CancellationToken, Task<bool>> isFree,
        CancellationToken cancellationToken)
    {
        var busy = 0;
        IReadOnlyDictionary<string, SlotValue> read = new Dictionary<string, SlotValue>();
        for (var index = 0; index < claim.Count; index++)
        {
            var key = claim.KeyAt(index);
            if (index % SlotsPerRead == 0)
            {
                read = await slots.GetSlotsAsync(Page(claim, index), cancellationToken);
            }

            var held = read.GetValueOrDefault(key);
            for (var attempt = 0; attempt < TriesPerSlot; attempt++)
            {
                if (held is not null && !await isFree(held, cancellationToken))
                {
                    busy++;
                    break;
                }

                if (await slots.TrySetSlotAsync(key, held, claim.Value, cancellationToken))
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
        if (SlotClaim.Expired(held, now))
        {
            return true;
        }

        return Guid.TryParse(held.Holder, out var id)
            && await store.GetAsync(id, cancellationToken) is { } holder
            && SlotClaim.HolderGone(holder.Status, holder.Deadline, now);
    }

    // A released slot keeps its holder (so a late, duplicate release cannot free someone else's claim) and ends now.
    private Task<bool> ReleaseAsync(string key, SlotValue claim, CancellationToken cancellationToken) =>
        slots.TrySetSlotAsync(key, claim, claim with { Until = DateTimeOffset.UnixEpoch }, cancellationToken);
}
