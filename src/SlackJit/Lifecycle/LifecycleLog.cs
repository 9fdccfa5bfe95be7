using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>The sweeper's log lines (event ids 5000–5049; 5001 and 5002 are the work queue's).</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(5000, LogLevel.Error, "A sweep failed; the next one retries")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(5003, LogLevel.Debug, "Sweep advanced {Count} requests")]
    public static partial void Swept(ILogger logger, int count);

    [LoggerMessage(5004, LogLevel.Warning, "Could not advance request {RequestId} ({Status}); the next sweep retries")]
    public static partial void AdvanceFailed(ILogger logger, Guid requestId, RequestStatus status, Exception exception);

    [LoggerMessage(5005, LogLevel.Information, "Request {RequestId} timed out waiting for a decision")]
    public static partial void TimedOut(ILogger logger, Guid requestId);

    [LoggerMessage(5006, LogLevel.Information, "Request {RequestId} ({Status}) was due with nothing to do; next due {DueAt:O}")]
    public static partial void Rescheduled(ILogger logger, Guid requestId, RequestStatus status, DateTimeOffset? dueAt);

    [LoggerMessage(5007, LogLevel.Information, "The sweeper is off (Lifecycle:SweeperEnabled=false)")]
    public static partial void SweeperDisabled(ILogger logger);

    [LoggerMessage(5008, LogLevel.Warning, "Posting the approval card of request {RequestId} failed; retried on a later sweep")]
    public static partial void CardPostFailed(ILogger logger, Guid requestId, Exception exception);
}
