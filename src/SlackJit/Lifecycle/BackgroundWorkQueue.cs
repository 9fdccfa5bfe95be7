using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SlackJit.Lifecycle;

/// <summary>
/// A bounded in-process queue with a few workers. On shutdown the workers finish what they are
/// running (within the host's shutdown timeout); what is still queued is left to the sweeper.
/// </summary>
internal sealed partial class BackgroundWorkQueue : BackgroundService, IBackgroundWork
{
    private readonly Channel<WorkItem> _channel;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<BackgroundWorkQueue> _logger;
    private readonly int _workers;
    private int _inFlight;

    public BackgroundWorkQueue(IOptions<BackgroundWorkOptions> options, IServiceScopeFactory scopes, ILogger<BackgroundWorkQueue> logger)
    {
        _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
        });
        _workers = Math.Max(1, options.Value.Workers);
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Items running now (for tests and graceful shutdown).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public bool TryEnqueue(string name, Func<IServiceProvider, CancellationToken, Task> work)
    {
        if (_channel.Writer.TryWrite(new WorkItem(name, work)))
        {
            return true;
        }
        LogQueueFull(name);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => Task.Run(() => RunWorkerAsync(stoppingToken), CancellationToken.None)));

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(stoppingToken))
            {
                while (!stoppingToken.IsCancellationRequested && _channel.Reader.TryRead(out var item))
                {
                    await RunAsync(item);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: queued items are recovered by the sweeper from the store.
        }
    }

    private async Task RunAsync(WorkItem item)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            // In-flight work is not cancelled by shutdown: it finishes or the host's timeout ends it.
            await item.Work(scope.ServiceProvider, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogWorkFailed(ex, item.Name);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private sealed record WorkItem(string Name, Func<IServiceProvider, CancellationToken, Task> Work);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Background queue is full; {WorkName} is left to the sweeper")]
    private partial void LogQueueFull(string workName);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Background work {WorkName} failed; the sweeper will retry what is due")]
    private partial void LogWorkFailed(Exception exception, string workName);
}
