using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.Recording;

/// <summary>Every Web API and response_url call the emulator answered, in order, with a way to wait for one.</summary>
public sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly List<SlackCall> _calls = [];
    private long _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<SlackCall> All()
    {
        lock (_gate)
        {
            return [.. _calls];
        }
    }

    public IReadOnlyList<SlackCall> Of(string method)
    {
        lock (_gate)
        {
            return [.. _calls.Where(c => c.Method == method)];
        }
    }

    private int _refused;

    /// <summary>Calls refused for their token (none, or not this workspace's): counted, never recorded.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void Refuse() => Interlocked.Increment(ref _refused);

    public void Record(string method, JsonObject args, DateTimeOffset receivedAt, int status, string? error)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _calls.Add(new SlackCall(++_sequence, method, args, receivedAt, status, error));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>
    /// Waits for a call of <paramref name="method"/> matching <paramref name="predicate"/> (already-recorded calls
    /// count). Throws <see cref="TimeoutException"/> listing the calls seen, so a failing test says why.
    /// </summary>
    public async Task<SlackCall> WaitForAsync(
        string method,
        Func<SlackCall, bool>? predicate = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var hit = _calls.FirstOrDefault(c => c.Method == method && (predicate?.Invoke(c) ?? true));
                if (hit is not null)
                {
                    return hit;
                }
                changed = _changed.Task;
            }

            var remaining = limit - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                var seen = string.Join(", ", All().Select(c => $"{c.Method}:{c.Error ?? "ok"}"));
                throw new TimeoutException($"No matching {method} call within {limit}. Calls seen: [{seen}]");
            }
            try
            {
                await changed.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Loop once more to report what was seen.
            }
        }
    }
}
