namespace SlackJit.Audit;

internal static partial class AuditLog
{
    [LoggerMessage(EventId = LogEvents.Audit.ReportPosted, Level = LogLevel.Information, Message = "Audit report for {From:u} to {To:u} posted to {Channel}")]
    public static partial void ReportPosted(ILogger logger, DateTimeOffset from, DateTimeOffset to, string channel);

    [LoggerMessage(EventId = LogEvents.Audit.ReportNotPosted, Level = LogLevel.Warning, Message = "Audit report for {From:u} to {To:u} not posted to {Channel}: {Reason}; run `audit report` for that period")]
    public static partial void ReportNotPosted(ILogger logger, DateTimeOffset from, DateTimeOffset to, string channel, string reason);
}
