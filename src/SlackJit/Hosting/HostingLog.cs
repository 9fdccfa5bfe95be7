namespace SlackJit.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = LogEvents.Hosting.NotReady, Level = LogLevel.Warning, Message = "Readiness: not ready: {Reason}")]
    public static partial void NotReady(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.Hosting.ReadinessWarning, Level = LogLevel.Warning, Message = "Readiness warning: {Warning}")]
    public static partial void Warning(ILogger logger, string warning);

    [LoggerMessage(EventId = LogEvents.Hosting.ReadyAgain, Level = LogLevel.Information, Message = "Readiness: ready again")]
    public static partial void ReadyAgain(ILogger logger);
}
