namespace SlackJit.Requests.Reminders;

/// <summary>Reminders', nudges' and escalations' log lines (event ids 5150–5199): ids only, never text people typed.</summary>
internal static partial class RemindersLog
{
    [LoggerMessage(EventId = LogEvents.Reminders.Reminded, Level = LogLevel.Information, Message = "Reminder {Sent} of {Max} for request {RequestId} posted in the card's thread")]
    public static partial void Reminded(ILogger logger, Guid requestId, int sent, int max);

    [LoggerMessage(EventId = LogEvents.Reminders.ReminderNotPosted, Level = LogLevel.Warning, Message = "A reminder for request {RequestId} was counted but could not be posted; it is not sent again")]
    public static partial void ReminderNotPosted(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = LogEvents.Reminders.Escalated, Level = LogLevel.Information, Message = "Request {RequestId} escalated; its card is re-posted in {Channel} at {Ts}")]
    public static partial void Escalated(ILogger logger, Guid requestId, string channel, string ts);

    [LoggerMessage(EventId = LogEvents.Reminders.EscalationNotPosted, Level = LogLevel.Warning, Message = "The escalated card of request {RequestId} could not be posted ({SlackError}); a later sweep tries again")]
    public static partial void EscalationNotPosted(ILogger logger, Guid requestId, string slackError);

    [LoggerMessage(EventId = LogEvents.Reminders.Nudged, Level = LogLevel.Information, Message = "Request {RequestId} nudged by its requester {SlackUserId}")]
    public static partial void Nudged(ILogger logger, Guid requestId, string slackUserId);
}
