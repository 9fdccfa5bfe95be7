using System.Collections.Concurrent;

namespace SlackJit.Cards;

/// <summary>
/// A small time-to-live cache on the injected clock (so tests move time with it). Bounded: at
/// <c>capacity</c> entries it drops what has expired and then the oldest tenth, so a large workspace
/// costs a few extra Slack lookups and never unbounded memory.
/// </summary>
internal sealed class TimedCache<T>(TimeProvider time, TimeSpan ttl, int capacity = 50_000)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();

    public int Count => _entries.Count;

    public bool TryGet(string key, out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Until > time.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, T value)
    {
        if (_entries.Count >= capacity)
        {
            Trim();
        }
        _entries[key] = new Entry(value, time.GetUtcNow() + ttl);
    }

    private void Trim()
    {
        lock (_trimming)
        {
            if (_entries.Count < capacity)
            {
                return;
            }
            var now = time.GetUtcNow();
            foreach (var (key, entry) in _entries)
            {
                if (entry.Until <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }
            var excess = _entries.Count - (capacity - capacity / 10);
            if (excess > 0)
            {
                foreach (var (key, _) in _entries.OrderBy(e => e.Value.Until).Take(excess).ToList())
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed record Entry(T Value, DateTimeOffset Until);
}
