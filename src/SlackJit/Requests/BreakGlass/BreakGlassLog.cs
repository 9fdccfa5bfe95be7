namespace SlackJit.Requests.BreakGlass;

/// <summary>Break-glass log lines (event ids 5300–5349): ids and times only, never the reason people typed.</summary>
internal static partial class BreakGlassLog
{
    [LoggerMessage(EventId = LogEvents.BreakGlass.Issued, Level = LogLevel.Warning, Message = "Break-glass: request {RequestId} by {SlackUserId} for {Resource} is issued without approval; its approvers must acknowledge it by {ReviewBy}")]
    public static partial void Issued(ILogger logger, Guid requestId, string slackUserId, string resource, DateTimeOffset reviewBy);

    [LoggerMessage(EventId = LogEvents.BreakGlass.Acknowledged, Level = LogLevel.Information, Message = "Break-glass request {RequestId} acknowledged by {SlackUserId}")]
    public static partial void Acknowledged(ILogger logger, Guid requestId, string slackUserId);

    [LoggerMessage(EventId = LogEvents.BreakGlass.AcknowledgeRefused, Level = LogLevel.Information, Message = "Acknowledging break-glass request {RequestId} refused for {SlackUserId}: {Reason}")]
    public static partial void AcknowledgeRefused(ILogger logger, Guid requestId, string slackUserId, string reason);

    [LoggerMessage(EventId = LogEvents.BreakGlass.Overdue, Level = LogLevel.Warning, Message = "Break-glass request {RequestId} by {SlackUserId} was not acknowledged by {ReviewBy}: overdue for review")]
    public static partial void Overdue(ILogger logger, Guid requestId, string slackUserId, DateTimeOffset reviewBy);

    [LoggerMessage(EventId = LogEvents.BreakGlass.CardNotPosted, Level = LogLevel.Warning, Message = "The card of break-glass request {RequestId} could not be posted ({SlackError}); the next sweep tries again")]
    public static partial void CardNotPosted(ILogger logger, Guid requestId, string slackError);
}
