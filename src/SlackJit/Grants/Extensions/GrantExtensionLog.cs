namespace SlackJit.Grants.Extensions;

/// <summary>The extended grant's log lines (event ids 5200–5249): ids only, never a secret.</summary>
internal static partial class GrantExtensionLog
{
    [LoggerMessage(EventId = LogEvents.Extensions.Extended, Level = LogLevel.Information, Message = "Request {RequestId} extended: access key {AccessKeyId}, window until {WindowEnd:O}")]
    public static partial void Extended(ILogger logger, Guid requestId, string accessKeyId, DateTimeOffset windowEnd);

    [LoggerMessage(EventId = LogEvents.Extensions.NotExtended, Level = LogLevel.Warning, Message = "Fresh credentials for the extension of {RequestId} could not be delivered ({Code}); the sweeper tries again")]
    public static partial void NotExtended(ILogger logger, Guid requestId, string code);
}
