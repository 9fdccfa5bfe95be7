using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>The sweeper's log lines and the work queue's log lines (event ids 5000–5049).</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(5000, LogLevel.Error, "A sweep failed; the next one retries")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(5001, LogLevel.Warning, "Background queue is full; {WorkName} is left to the sweeper")]
    public static partial void QueueFull(ILogger logger, string workName);

    [LoggerMessage(5002, LogLevel.Error, "Background work {WorkName} failed; the sweeper will retry what is due")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string workName);

    [LoggerMessage(5003, LogLevel.Debug, "Sweep advanced {Count} requests")]
    public static partial void Swept(ILogger logger, int count);

    [LoggerMessage(5004, LogLevel.Warning, "Could not advance request {RequestId} ({Status}); the next sweep retries")]
    public static partial void AdvanceFailed(ILogger logger, Guid requestId, RequestStatus status, Exception exception);


    [LoggerMessage(5006, LogLevel.Information, "Request {RequestId} ({Status}) was due with nothing to do; next due {DueAt:O}")]
    public static partial void Rescheduled(ILogger logger, Guid requestId, RequestStatus status, DateTimeOffset? dueAt);

    [LoggerMessage(5007, LogLevel.Information, "The sweeper is off (Lifecycle:SweeperEnabled=false)")]
    public static partial void SweeperDisabled(ILogger logger);

}
