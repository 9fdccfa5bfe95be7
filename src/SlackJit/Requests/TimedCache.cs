using System.Collections.Concurrent;

namespace SlackJit.Requests;

/// <summary>
/// A small time-to-live cache on the injected clock (so tests move time with it). Bounded: past
/// <c>capacity</c> entries it starts over, which costs a few extra Slack lookups and never memory.
/// </summary>
internal sealed class TimedCache<T>(TimeProvider time, TimeSpan ttl, int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

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
            _entries.Clear();
        }
        _entries[key] = new Entry(value, time.GetUtcNow() + ttl);
    }

    private sealed record Entry(T Value, DateTimeOffset Until);
}
