using Microsoft.Extensions.Options;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Lifecycle;

/// <summary>
/// Every <c>Lifecycle:SweepInterval</c> (on the injected clock) reads the requests that are due — only those, via
/// the store's due index — and hands each one to the handler registered for its status. It is what makes a crash, a full queue or a lost Slack
/// call cost only time. Safe with many replicas: every step is a conditional write and losers move on.
/// </summary>
internal sealed class Sweeper(
    IAccessRequestStore store,
    DueRequestAdvancer advancer,
    IOptions<LifecycleOptions> options,
    TimeProvider time,
    ILogger<Sweeper> logger,
    SlackJitMetrics? metrics = null) : BackgroundService
{
    /// <summary>Bounds one sweep; whatever is left is due on the next.</summary>
    public const int MaxPagesPerSweep = 100;

    /// <summary>One pass over what is due now. Returns how many requests this pass moved.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.Source.StartActivity("sweeper.pass");
        var pageSize = options.Value.SweepPageSize;
        var seen = new HashSet<Guid>();
        var advanced = 0;

        for (var page = 0; page < MaxPagesPerSweep; page++)
        {
            var now = time.GetUtcNow();
            var due = await store.GetDueAsync(now, pageSize, cancellationToken);
            if (page == 0)
            {
                // The oldest due request (the page is oldest first): how far behind the sweeper is.
                metrics?.SetSweeperLag(due.Count > 0 && due[0].DueAt is { } oldest ? now - oldest : TimeSpan.Zero);
            }
            var fresh = due.Where(r => seen.Add(r.Id)).ToList();
            foreach (var request in fresh)
            {
                try
                {
                    if (await advancer.AdvanceAsync(request, cancellationToken))
                    {
                        advanced++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LifecycleLog.AdvanceFailed(logger, request.Id, request.Status, ex);
                }
            }

            // A short page was the last; a page with nothing new holds only requests that cannot move this sweep.
            if (due.Count < pageSize || fresh.Count == 0)
            {
                break;
            }
        }

        span?.SetTag("slackjit.advanced", advanced);
        LifecycleLog.Swept(logger, advanced);
        return advanced;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweeperEnabled)
        {
            LifecycleLog.SweeperDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LifecycleLog.SweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an issue cut short keeps its lease and is claimed again by the next sweep anywhere.
        }
    }
}
