namespace SlackJit.Slack.Messaging;

/// <summary>The messaging seam's log lines (ids in <see cref="LogEvents.Messaging"/>).</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(LogEvents.Messaging.ReplyFailed, LogLevel.Warning, "Message to {SlackUserId} ({Purpose}) could not be sent ({SlackError})")]
    public static partial void ReplyFailed(ILogger logger, string slackUserId, string purpose, string slackError);

    [LoggerMessage(LogEvents.Messaging.SlackFailed, LogLevel.Warning, "Slack {SlackMethod} failed for request {RequestId}: {SlackError}")]
    public static partial void SlackFailed(ILogger logger, Guid requestId, string slackMethod, string slackError);
}
