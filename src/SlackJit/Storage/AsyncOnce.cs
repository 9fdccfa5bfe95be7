namespace SlackJit.Storage;

/// <summary>
/// Runs an initialisation once it succeeds; a failed attempt is forgotten so the next caller
/// tries again (the store may come up after the app did).
/// </summary>
internal sealed class AsyncOnce(Func<CancellationToken, Task> initialize) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public bool IsDone => _done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await initialize(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
