using System.Collections.Concurrent;
using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Tests.Fakes;

/// <summary>The slot store's contract in memory (compare-and-set per key), for unit tests around the caps.</summary>
internal sealed class InMemorySlotStore : ISlotStore
{
    private readonly ConcurrentDictionary<string, SlotValue> _slots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyDictionary<string, SlotValue> Snapshot => new Dictionary<string, SlotValue>(_slots);

    public Task<IReadOnlyDictionary<string, SlotValue>> GetSlotsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SlotValue>>(keys.Where(_slots.ContainsKey).Distinct().ToDictionary(k => k, k => _slots[k]));

    public Task<bool> TrySetSlotAsync(string key, SlotValue? expected, SlotValue value, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = _slots.GetValueOrDefault(key);
            if (current != expected)
            {
                return Task.FromResult(false);
            }

            _slots[key] = value.Normalized();
            return Task.FromResult(true);
        }
    }

    /// <summary>No transactions: the caps are claimed slot by slot, as on DynamoDB.</summary>
    public Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<CappedCreateOutcome?>(null);
}
