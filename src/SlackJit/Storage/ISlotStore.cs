using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// Small compare-and-set registers ("slots") beside the requests, for limits that must hold when several commands
/// from one person race, on one replica or many: a claim reads the slots, then sets one only if it still holds what
/// was read, so of two racing claims for one slot exactly one wins. Both adapters implement it with a conditional
/// write (SQLite <c>UPDATE … WHERE</c>, DynamoDB <c>ConditionExpression</c>), no transactions needed. A store with
/// transactions (SQLite) also claims a new request's slots and writes the request in one of them.
/// </summary>
public interface ISlotStore
{
    /// <summary>The slots among <paramref name="keys"/> that exist; a missing key has never been claimed.</summary>
    Task<IReadOnlyDictionary<string, SlotValue>> GetSlotsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> only if it holds exactly <paramref name="expected"/>
    /// (null: only if it does not exist). True when this write won.
    /// </summary>
    Task<bool> TrySetSlotAsync(string key, SlotValue? expected, SlotValue value, CancellationToken cancellationToken);

    /// <summary>
    /// For a store with transactions: claims the first free slot of every one of <paramref name="claims"/> (in order)
    /// and creates <paramref name="request"/>, all in one transaction, so the claims and the request are written
    /// together or not at all (one commit instead of one per write). Null from a store without transactions: the
    /// caller then claims with <see cref="TrySetSlotAsync"/> one slot at a time and creates the request after.
    /// </summary>
    Task<SlotClaimOutcome?> TryCreateClaimingAsync(
        AccessRequest request, IReadOnlyList<SlotClaim> claims, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What a slot holds: who claimed it, and until when the claim stands by itself.</summary>
/// <param name="Holder">The claim's owner, e.g. a request id.</param>
/// <param name="Until">After this instant the slot is free whatever the holder's state.</param>
public sealed record SlotValue(string Holder, DateTimeOffset Until)
{
    /// <summary>Slots keep millisecond times (both stores); compare at that precision.</summary>
    public SlotValue Normalized() => this with { Until = DateTimeOffset.FromUnixTimeMilliseconds(Until.ToUnixTimeMilliseconds()) };
}
