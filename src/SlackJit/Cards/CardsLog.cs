namespace SlackJit.Cards;

/// <summary>The approval card's log lines.</summary>
internal static partial class CardsLog
{
    [LoggerMessage(EventId = LogEvents.Cards.ApproverChannelMisconfigured, Level = LogLevel.Error, Message = "Approval card for {RequestId} could not be posted to channel {ChannelId} ({SlackError}): check {Setting} and invite the bot to that channel; retrying until the deadline")]
    public static partial void ApproverChannelMisconfigured(ILogger logger, Guid requestId, string channelId, string setting, string slackError);

    [LoggerMessage(EventId = LogEvents.Cards.CardPosted, Level = LogLevel.Information, Message = "Approval card for {RequestId} posted in {ChannelId} at {MessageTs}")]
    public static partial void CardPosted(ILogger logger, Guid requestId, string channelId, string messageTs);

    [LoggerMessage(EventId = LogEvents.Cards.CardUpdateFailed, Level = LogLevel.Warning, Message = "Approval card for {RequestId} in {ChannelId} could not be updated ({SlackError})")]
    public static partial void CardUpdateFailed(ILogger logger, Guid requestId, string channelId, string slackError);

    [LoggerMessage(EventId = LogEvents.Cards.CardRefsNotRecorded, Level = LogLevel.Warning, Message = "Approval card of {RequestId} was posted but its place could not be recorded after repeated conflicts")]
    public static partial void CardRefsNotRecorded(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = LogEvents.Cards.CardUpdateFailedUnexpectedly, Level = LogLevel.Warning, Message = "Updating the approval card of request {RequestId} failed; it shows an older state")]
    public static partial void CardUpdateFailedUnexpectedly(ILogger logger, Guid requestId, Exception exception);

    [LoggerMessage(EventId = LogEvents.Cards.GroupLookupFailed, Level = LogLevel.Warning, Message = "Approver group {UserGroupId} could not be read ({SlackError}) deciding {RequestId} for {SlackUserId}; refused")]
    public static partial void GroupLookupFailed(ILogger logger, Guid requestId, string slackUserId, string userGroupId, string slackError);
}
