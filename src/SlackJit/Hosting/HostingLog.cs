namespace SlackJit.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Readiness: not ready: {Reason}")]
    public static partial void NotReady(ILogger logger, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Readiness warning: {Warning}")]
    public static partial void Warning(ILogger logger, string warning);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Readiness: ready again")]
    public static partial void ReadyAgain(ILogger logger);
}
