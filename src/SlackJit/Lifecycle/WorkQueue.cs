using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SlackJit.Telemetry;

namespace SlackJit.Lifecycle;

/// <summary>
/// A bounded in-process queue of typed work items with a few workers; each item runs in its own scope with the
/// handler registered for its type. On shutdown the workers finish what they are running (within the host's
/// shutdown timeout); what is still queued is left to the sweeper.
/// </summary>
internal sealed partial class WorkQueue : BackgroundService, IWorkQueue
{
    private readonly Channel<Queued> _channel;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<WorkQueue> _logger;
    private readonly int _workers;
    private int _inFlight;

    private readonly SlackJitMetrics? _metrics;

    public WorkQueue(IOptions<LifecycleOptions> options, IServiceScopeFactory scopes, ILogger<WorkQueue> logger, SlackJitMetrics? metrics = null)
    {
        _metrics = metrics;
        _channel = Channel.CreateBounded<Queued>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
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

    /// <summary>Items queued and not picked up yet (for tests that wait for the queue to settle).</summary>
    public int Waiting => _channel.Reader.Count;

    public bool TryEnqueue<TWork>(TWork work)
        where TWork : IWorkItem
    {
        ArgumentNullException.ThrowIfNull(work);
        // The item runs later on a worker: its span continues the trace of whatever queued it (usually the ack).
        if (_channel.Writer.TryWrite(new Queued(work, Run<TWork>, Activity.Current?.Context ?? default)))
        {
            _metrics?.SetQueueDepth(_channel.Reader.Count);
            return true;
        }
        LifecycleLog.QueueFull(_logger, work.Name);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _workers).Select(_ => Task.Run(() => RunWorkerAsync(stoppingToken), CancellationToken.None)));

    // The one place a handler is looked up: by the item's type, in the item's own scope.
    private static Task Run<TWork>(IServiceProvider services, IWorkItem work, CancellationToken cancellationToken)
        where TWork : IWorkItem =>
        services.GetRequiredService<IWorkHandler<TWork>>().HandleAsync((TWork)work, cancellationToken);

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(stoppingToken))
            {
                while (!stoppingToken.IsCancellationRequested && _channel.Reader.TryRead(out var item))
                {
                    _metrics?.SetQueueDepth(_channel.Reader.Count);
                    await RunAsync(item);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: queued items are recovered by the sweeper from the store.
        }
    }

    private async Task RunAsync(Queued item)
    {
        Interlocked.Increment(ref _inFlight);
        using var span = SlackJitTelemetry.Source.StartActivity("work", ActivityKind.Internal, item.Queuer);
        // e.g. "post-card R-7KQ3": the step and the request's short id; the step's own spans carry the full id.
        span?.SetTag("slackjit.work", item.Work.Name);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            // In-flight work is not cancelled by shutdown: it finishes or the host's timeout ends it.
            await item.Run(scope.ServiceProvider, item.Work, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LifecycleLog.WorkFailed(_logger, ex, item.Work.Name);
            span.Fail(ex.GetType().Name);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private sealed record Queued(IWorkItem Work, Func<IServiceProvider, IWorkItem, CancellationToken, Task> Run, ActivityContext Queuer);
}
