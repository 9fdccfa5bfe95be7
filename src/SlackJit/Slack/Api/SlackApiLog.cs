namespace SlackJit.Slack.Api;

/// <summary>
/// Slack Web API logs (event ids 3100–3119). Method names, error codes, statuses and timings only: never the
/// token, a message body or a response_url (which is itself a credential for 30 minutes).
/// </summary>
internal static partial class SlackApiLog
{
    [LoggerMessage(EventId = LogEvents.SlackApi.Succeeded, Level = LogLevel.Debug, Message = "Slack {Method} ok (HTTP {Status}) in {ElapsedMs} ms")]
    public static partial void Succeeded(ILogger logger, string method, int status, long elapsedMs);

    [LoggerMessage(EventId = LogEvents.SlackApi.Failed, Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error} (HTTP {Status}) after {ElapsedMs} ms")]
    public static partial void Failed(ILogger logger, string method, string error, int? status, long elapsedMs);

    [LoggerMessage(EventId = LogEvents.SlackApi.Warned, Level = LogLevel.Warning, Message = "Slack {Method} answered with warning {Warning}")]
    public static partial void Warned(ILogger logger, string method, string warning);

    [LoggerMessage(EventId = LogEvents.SlackApi.Retrying, Level = LogLevel.Information, Message = "Retrying Slack {Method} after {Reason}: attempt {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string reason, int attempt, long delayMs);

    [LoggerMessage(EventId = LogEvents.SlackApi.RefusedResponseUrl, Level = LogLevel.Warning, Message = "Refused to POST to a response_url outside Slack (host {Host})")]
    public static partial void RefusedResponseUrl(ILogger logger, string host);

    [LoggerMessage(EventId = LogEvents.SlackApi.TokenVerified, Level = LogLevel.Information, Message = "Slack bot token verified: team {TeamId}, bot user {UserId}")]
    public static partial void TokenVerified(ILogger logger, string teamId, string userId);

    [LoggerMessage(EventId = LogEvents.SlackApi.TokenCheckSkipped, Level = LogLevel.Warning, Message = "Could not verify the Slack bot token at start-up ({Error}); starting anyway")]
    public static partial void TokenCheckSkipped(ILogger logger, string error);

    [LoggerMessage(EventId = LogEvents.SlackApi.TokenRejected, Level = LogLevel.Critical, Message = "Slack rejected the bot token: {Error}")]
    public static partial void TokenRejected(ILogger logger, string error);
}
