namespace SlackJit.Requests;

/// <summary>The requester's and approvers' side's logs: event ids 4000–4099, ids only (never tokens, bodies or reasons).</summary>
internal static partial class RequestsLog
{
    [LoggerMessage(EventId = LogEvents.Requests.UserLookupFailed, Level = LogLevel.Warning, Message = "users.info for {SlackUserId} failed ({SlackError}); the request is refused politely")]
    public static partial void UserLookupFailed(ILogger logger, string slackUserId, string slackError);

    [LoggerMessage(EventId = LogEvents.Requests.RequestCreated, Level = LogLevel.Information, Message = "Request {RequestId} created by {SlackUserId} for catalog entry {ResourceName}")]
    public static partial void RequestCreated(ILogger logger, Guid requestId, string slackUserId, string resourceName);

    [LoggerMessage(EventId = LogEvents.Requests.RequestRefused, Level = LogLevel.Information, Message = "Request by {SlackUserId} refused: {RefusalReason}")]
    public static partial void RequestRefused(ILogger logger, string slackUserId, string refusalReason);

    [LoggerMessage(EventId = LogEvents.Requests.StoreUnavailable, Level = LogLevel.Warning, Message = "Store unavailable while handling {Operation} for {SlackUserId}; answered 'try again shortly'")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string operation, string slackUserId);

    [LoggerMessage(EventId = LogEvents.Requests.DecisionApplied, Level = LogLevel.Information, Message = "{Action} on {RequestId} by {SlackUserId} applied; status now {Status}")]
    public static partial void DecisionApplied(ILogger logger, string action, Guid requestId, string slackUserId, string status);

    [LoggerMessage(EventId = LogEvents.Requests.DecisionRefused, Level = LogLevel.Information, Message = "{Action} on {RequestId} by {SlackUserId} refused: {RefusalReason}")]
    public static partial void DecisionRefused(ILogger logger, string action, Guid requestId, string slackUserId, string refusalReason);

    [LoggerMessage(EventId = LogEvents.Requests.DecisionContended, Level = LogLevel.Warning, Message = "{Action} on {RequestId} by {SlackUserId} gave up after {Attempts} write conflicts")]
    public static partial void DecisionContended(ILogger logger, string action, Guid requestId, string slackUserId, int attempts);

    [LoggerMessage(EventId = LogEvents.Requests.AttemptNotRecorded, Level = LogLevel.Warning, Message = "Refused attempt on {RequestId} by {SlackUserId} could not be added to the audit trail")]
    public static partial void AttemptNotRecorded(ILogger logger, Guid requestId, string slackUserId);

    [LoggerMessage(EventId = LogEvents.Requests.ModalOpenFailed, Level = LogLevel.Warning, Message = "views.open for {SlackUserId} failed ({SlackError})")]
    public static partial void ModalOpenFailed(ILogger logger, string slackUserId, string slackError);

    [LoggerMessage(EventId = LogEvents.Requests.FollowUpNotQueued, Level = LogLevel.Warning, Message = "Follow-up {WorkName} for {RequestId} was not queued; the sweeper covers what is due")]
    public static partial void FollowUpNotQueued(ILogger logger, string workName, Guid requestId);

    [LoggerMessage(EventId = LogEvents.Requests.TimedOut, Level = LogLevel.Information, Message = "Request {RequestId} timed out waiting for a decision")]
    public static partial void TimedOut(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = LogEvents.Requests.CardPostFailed, Level = LogLevel.Warning, Message = "Posting the approval card of request {RequestId} failed; retried on a later sweep")]
    public static partial void CardPostFailed(ILogger logger, Guid requestId, Exception exception);

    [LoggerMessage(EventId = LogEvents.Requests.CatalogTooLongForModal, Level = LogLevel.Warning, Message = "Catalog has {Count} entries; the request form lists the first {Shown}")]
    public static partial void CatalogTooLongForModal(ILogger logger, int count, int shown);
}
