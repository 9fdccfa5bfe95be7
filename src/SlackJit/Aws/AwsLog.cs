namespace SlackJit.Aws;

/// <summary>The Aws folder's log lines (event ids 3000–3099). Never a secret key, session token or link.</summary>
internal static partial class AwsLog
{
    [LoggerMessage(LogEvents.Aws.Issued, LogLevel.Information, "Issued credentials for request {RequestId}: access key {AccessKeyId}, assumed role {AssumedRoleId}, expires {Expiration:O}")]
    public static partial void Issued(ILogger logger, Guid requestId, string accessKeyId, string assumedRoleId, DateTimeOffset expiration);

    [LoggerMessage(LogEvents.Aws.Refused, LogLevel.Warning, "STS refused AssumeRole for request {RequestId} on {RoleArn}: {ErrorCode} (transient: {Transient})")]
    public static partial void Refused(ILogger logger, Guid requestId, string roleArn, string errorCode, bool transient);

    [LoggerMessage(LogEvents.Aws.SigninLinkFailed, LogLevel.Warning, "No console link for request {RequestId}: {Reason}")]
    public static partial void SigninLinkFailed(ILogger logger, Guid requestId, string reason);

    [LoggerMessage(LogEvents.Aws.NotIssuable, LogLevel.Warning, "Request {RequestId} cannot be issued: {Reason}")]
    public static partial void NotIssuable(ILogger logger, Guid requestId, string reason);

    [LoggerMessage(LogEvents.Aws.DefaultRegion, LogLevel.Warning, "No AWS region configured (AWS_REGION); STS calls go to {Region}")]
    public static partial void DefaultRegion(ILogger logger, string region);

    [LoggerMessage(LogEvents.Aws.Assuming, LogLevel.Debug, "Assuming {RoleArn} for request {RequestId} for {DurationSeconds} s")]
    public static partial void Assuming(ILogger logger, Guid requestId, string roleArn, int durationSeconds);

    [LoggerMessage(LogEvents.Aws.ConsoleSessionIssued, LogLevel.Information, "Console session for request {RequestId}: access key {AccessKeyId}, usable until {WindowEnd:O}")]
    public static partial void ConsoleSessionIssued(ILogger logger, Guid requestId, string accessKeyId, DateTimeOffset windowEnd);

    [LoggerMessage(LogEvents.Aws.ConsoleSessionRefused, LogLevel.Warning, "STS refused a console session for request {RequestId} on {RoleArn}: {ErrorCode}")]
    public static partial void ConsoleSessionRefused(ILogger logger, Guid requestId, string roleArn, string errorCode);
}
