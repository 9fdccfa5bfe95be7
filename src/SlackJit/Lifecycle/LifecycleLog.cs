using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>The sweeper's log lines and the work queue's log lines (event ids 5000–5049).</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(LogEvents.Lifecycle.SweepFailed, LogLevel.Error, "A sweep failed; the next one retries")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogEvents.Lifecycle.QueueFull, LogLevel.Warning, "Background queue is full; {WorkName} is left to the sweeper")]
    public static partial void QueueFull(ILogger logger, string workName);

    [LoggerMessage(LogEvents.Lifecycle.WorkFailed, LogLevel.Error, "Background work {WorkName} failed; the sweeper will retry what is due")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string workName);

    [LoggerMessage(LogEvents.Lifecycle.Swept, LogLevel.Debug, "Sweep advanced {Count} requests")]
    public static partial void Swept(ILogger logger, int count);

    [LoggerMessage(LogEvents.Lifecycle.AdvanceFailed, LogLevel.Warning, "Could not advance request {RequestId} ({Status}); the next sweep retries")]
    public static partial void AdvanceFailed(ILogger logger, Guid requestId, RequestStatus status, Exception exception);


    [LoggerMessage(LogEvents.Lifecycle.Rescheduled, LogLevel.Information, "Request {RequestId} ({Status}) was due with nothing to do; next due {DueAt:O}")]
    public static partial void Rescheduled(ILogger logger, Guid requestId, RequestStatus status, DateTimeOffset? dueAt);

    [LoggerMessage(LogEvents.Lifecycle.SweeperDisabled, LogLevel.Information, "The sweeper is off (Lifecycle:SweeperEnabled=false)")]
    public static partial void SweeperDisabled(ILogger logger);

}
