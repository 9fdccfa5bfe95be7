namespace SlackJit.Requests;

/// <summary>The requester's and approvers' side's logs: event ids 4000–4099, ids only (never tokens, bodies or reasons).</summary>
internal static partial class RequestsLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "users.info for {SlackUserId} failed ({SlackError}); the request is refused politely")]
    public static partial void UserLookupFailed(ILogger logger, string slackUserId, string slackError);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Approver group {UserGroupId} could not be read ({SlackError}) deciding {RequestId} for {SlackUserId}; refused")]
    public static partial void GroupLookupFailed(ILogger logger, Guid requestId, string slackUserId, string userGroupId, string slackError);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Approval card for {RequestId} could not be posted to channel {ChannelId} ({SlackError}): check {Setting} and invite the bot to that channel; retrying until the deadline")]
    public static partial void ApproverChannelMisconfigured(ILogger logger, Guid requestId, string channelId, string setting, string slackError);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Approval card for {RequestId} posted in {ChannelId} at {MessageTs}")]
    public static partial void CardPosted(ILogger logger, Guid requestId, string channelId, string messageTs);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Approval card for {RequestId} in {ChannelId} could not be updated ({SlackError})")]
    public static partial void CardUpdateFailed(ILogger logger, Guid requestId, string channelId, string slackError);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Approval card of {RequestId} was posted but its place could not be recorded after repeated conflicts")]
    public static partial void CardRefsNotRecorded(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Request {RequestId} created by {SlackUserId} for catalog entry {ResourceName}")]
    public static partial void RequestCreated(ILogger logger, Guid requestId, string slackUserId, string resourceName);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Request by {SlackUserId} refused: {RefusalReason}")]
    public static partial void RequestRefused(ILogger logger, string slackUserId, string refusalReason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Store unavailable while handling {Operation} for {SlackUserId}; answered 'try again shortly'")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string operation, string slackUserId);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "{Action} on {RequestId} by {SlackUserId} applied; status now {Status}")]
    public static partial void DecisionApplied(ILogger logger, string action, Guid requestId, string slackUserId, string status);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "{Action} on {RequestId} by {SlackUserId} refused: {RefusalReason}")]
    public static partial void DecisionRefused(ILogger logger, string action, Guid requestId, string slackUserId, string refusalReason);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "{Action} on {RequestId} by {SlackUserId} gave up after {Attempts} write conflicts")]
    public static partial void DecisionContended(ILogger logger, string action, Guid requestId, string slackUserId, int attempts);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Refused attempt on {RequestId} by {SlackUserId} could not be added to the audit trail")]
    public static partial void AttemptNotRecorded(ILogger logger, Guid requestId, string slackUserId);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Message to {SlackUserId} ({Purpose}) could not be sent ({SlackError})")]
    public static partial void ReplyFailed(ILogger logger, string slackUserId, string purpose, string slackError);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "views.open for {SlackUserId} failed ({SlackError})")]
    public static partial void ModalOpenFailed(ILogger logger, string slackUserId, string slackError);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "Request {RequestId} is approved but no issuance scheduler is registered; the sweeper will issue it when due")]
    public static partial void IssuanceNotWired(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Warning, Message = "Follow-up {WorkName} for {RequestId} was not queued; the sweeper covers what is due")]
    public static partial void FollowUpNotQueued(ILogger logger, string workName, Guid requestId);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Warning, Message = "Catalog has {Count} entries; the request form lists the first {Shown}")]
    public static partial void CatalogTooLongForModal(ILogger logger, int count, int shown);
}
