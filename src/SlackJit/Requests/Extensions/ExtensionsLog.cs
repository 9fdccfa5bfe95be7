namespace SlackJit.Requests.Extensions;

/// <summary>Extensions' log lines on the requester's and approvers' side (event ids 5200–5249): ids only, never a reason.</summary>
internal static partial class ExtensionsLog
{
    [LoggerMessage(EventId = LogEvents.Extensions.Decided, Level = LogLevel.Information, Message = "Extension of {RequestId} decided by {SlackUserId}: {Decision}")]
    public static partial void Decided(ILogger logger, Guid requestId, string slackUserId, string decision);

    [LoggerMessage(EventId = LogEvents.Extensions.CardFailed, Level = LogLevel.Warning, Message = "The extension card of {RequestId} could not be posted or updated ({SlackError})")]
    public static partial void CardFailed(ILogger logger, Guid requestId, string slackError);
}
