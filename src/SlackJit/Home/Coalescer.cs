using SlackJit.Lifecycle;

namespace SlackJit.Home;

/// <summary>
/// At most one work item per key, queued or running, and the latest state wins. Asking while an item waits in the queue
/// adds nothing (a storm of changes becomes one run); asking while it runs marks the key dirty, and when that run ends
/// exactly one more item is queued, which reads the state afresh. So two runs for one key never overlap, and none that
/// started before the last change is the last to finish.
/// </summary>
internal sealed class Coalescer<TKey>(IWorkQueue work, ILogger logger)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, KeyState> _keys = [];

    private enum KeyState
    {
        Queued,
        Running,
        RunningDirty,
    }

    /// <summary>True when a run for <paramref name="key"/> is queued or will follow the one running now.</summary>
    public bool Enqueue<TWork>(TKey key, TWork item)
        where TWork : IWorkItem
    {
        lock (_gate)
        {
            if (_keys.TryGetValue(key, out var state))
            {
                if (state == KeyState.Running)
                {
                    _keys[key] = KeyState.RunningDirty;
                }
                return true;
            }
            _keys[key] = KeyState.Queued;
        }
        return TryQueue(key, item);
    }

    /// <summary>
    /// Runs the handler's work for the queued <paramref name="item"/>. <paramref name="run"/> must read what it shows only
    /// after it starts: a change from then on marks the key dirty, and <paramref name="item"/> is queued once more after it.
    /// </summary>
    public async Task RunAsync<TWork>(TKey key, TWork item, Func<Task> run)
        where TWork : IWorkItem
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            _keys[key] = KeyState.Running;
        }
        try
        {
            await run();
        }
        finally
        {
            bool again;
            lock (_gate)
            {
                again = _keys.TryGetValue(key, out var state) && state == KeyState.RunningDirty;
                if (again)
                {
                    _keys[key] = KeyState.Queued;
                }
                else
                {
                    _keys.Remove(key);
                }
            }
            if (again)
            {
                TryQueue(key, item);
            }
        }
    }

    private bool TryQueue<TWork>(TKey key, TWork item)
        where TWork : IWorkItem
    {
        if (work.TryEnqueue(item))
        {
            return true;
        }
        lock (_gate)
        {
            _keys.Remove(key);
        }
        HomeLog.NotQueued(logger, item.Name);
        return false;
    }
}
