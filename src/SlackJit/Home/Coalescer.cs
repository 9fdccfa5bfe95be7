using System.Collections.Concurrent;
using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>
/// Queues one work item per key at a time: while an item for a key waits in the queue, asking again adds nothing (a
/// storm of changes becomes one publish). The handler calls <see cref="Starting"/> before it reads anything, so a change
/// that lands while it runs queues a fresh item and is never missed.
/// </summary>
internal sealed class Coalescer<TKey>(IWorkQueue work, ILogger logger)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, byte> _queued = new();

    /// <summary>True when an item for <paramref name="key"/> is queued now (by this call or an earlier one).</summary>
    public bool Enqueue<TWork>(TKey key, TWork item)
        where TWork : IWorkItem
    {
        if (!_queued.TryAdd(key, 0))
        {
            return true;
        }
        if (work.TryEnqueue(item))
        {
            return true;
        }
        _queued.TryRemove(key, out _);
        HomeLog.NotQueued(logger, item.Name);
        return false;
    }

    public void Starting(TKey key) => _queued.TryRemove(key, out _);

    /// <summary>Items waiting now (for tests).</summary>
    public int Waiting => _queued.Count;
}
