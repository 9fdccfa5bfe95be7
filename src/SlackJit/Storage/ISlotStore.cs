using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// Small compare-and-set registers ("slots") beside the requests, for limits that must hold when several commands
/// from one person race, on one replica or many: a claim reads the slots, then sets one only if it still holds what
/// was read, so of two racing claims for one slot exactly one wins. Both adapters implement it with a conditional
/// write (SQLite <c>UPDATE … WHERE</c>, DynamoDB <c>ConditionExpression</c>), no transactions needed. A store with
/// transactions (SQLite) needs no slots for the caps: it counts and creates in one transaction.
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
    /// For a store with transactions: counts the requester's open pending requests and the requests they made within
    /// the caps' window, and creates <paramref name="request"/> only if both fit, all in one transaction: what is stored
    /// and what races in at the same moment are counted alike, and nothing is written unless it fits. Null from a store
    /// without transactions: the caller then claims the caps' slots one at a time with <see cref="TrySetSlotAsync"/>
    /// and creates the request after.
    /// </summary>
    Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What a slot holds: who claimed it, and until when the claim stands by itself.</summary>
/// <param name="Holder">The claim's owner, e.g. a request id.</param>
/// <param name="Until">After this instant the slot is free whatever the holder's state.</param>
public sealed record SlotValue(string Holder, DateTimeOffset Until)
{
    /// <summary>Slots keep millisecond times (both stores); compare at that precision.</summary>
    public SlotValue Normalized() => this with { Until = DateTimeOffset.FromUnixTimeMilliseconds(Until.ToUnixTimeMilliseconds()) };
}
