using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>A held lease: beats until disposed, then gives the slot back. <see cref="Until"/> is how long it holds now.</summary>
internal sealed class LeaseHold : IAsyncDisposable
{
    private readonly LeaseHeartbeat _heartbeat;
    private readonly string _key;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;
    private SlotValue? _held;

    public LeaseHold(LeaseHeartbeat heartbeat, string key, SlotValue? held)
    {
        _heartbeat = heartbeat;
        _key = key;
        _held = held;
        _beating = held is null ? Task.CompletedTask : BeatAsync();
    }

    /// <summary>Until when this worker may still act on its claim (the past once the lease is lost).</summary>
    public DateTimeOffset Until => Volatile.Read(ref _held)?.Until ?? DateTimeOffset.MinValue;

    /// <summary>Whether the claim still holds now.</summary>
    public bool IsHeld => Until > _heartbeat.Now;

    private async Task BeatAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested && Volatile.Read(ref _held) is { } held)
            {
                await _heartbeat.DelayAsync(_stop.Token);
                Volatile.Write(ref _held, await _heartbeat.BeatAsync(_key, held, _stop.Token));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the work is done.
        }
        catch (Exception ex) when (ex is StoreUnavailableException or ObjectDisposedException)
        {
            // The store is down or closing: the lease runs out by itself and another worker takes over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
        if (Volatile.Read(ref _held) is { } held)
        {
            try
            {
                await _heartbeat.ReleaseAsync(_key, held);
            }
            catch (Exception ex) when (ex is StoreUnavailableException or ObjectDisposedException)
            {
                // Runs out by itself within one lease.
            }
        }
    }
}
