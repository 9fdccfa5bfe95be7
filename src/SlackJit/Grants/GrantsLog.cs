using SlackJit.Access;

namespace SlackJit.Grants;

/// <summary>The Grants folder's log lines (event ids 5050–5099). An access key id at most: never a secret or a link.</summary>
internal static partial class GrantsLog
{
    [LoggerMessage(LogEvents.Grants.Activated, LogLevel.Information, "Request {RequestId} is active: access key {AccessKeyId}, credentials until {SessionExpiry:O}")]
    public static partial void Activated(ILogger logger, Guid requestId, string accessKeyId, DateTimeOffset sessionExpiry);

    [LoggerMessage(LogEvents.Grants.Failed, LogLevel.Error, "Request {RequestId} failed and needs the operator: {ErrorCode}: {OperatorMessage}")]
    public static partial void Failed(ILogger logger, Guid requestId, string errorCode, string operatorMessage);

    [LoggerMessage(LogEvents.Grants.Retrying, LogLevel.Warning, "Issuing request {RequestId} failed for now ({ErrorCode}) on attempt {Attempt}; next attempt at {RetryAt:O}")]
    public static partial void Retrying(ILogger logger, Guid requestId, string errorCode, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(LogEvents.Grants.LeaseLost, LogLevel.Warning, "Issuing request {RequestId}: the lease ran out before delivery; access key {AccessKeyId} is left unused for the next claim")]
    public static partial void LeaseLost(ILogger logger, Guid requestId, string accessKeyId);

    [LoggerMessage(LogEvents.Grants.SlackFailed, LogLevel.Warning, "Slack {SlackMethod} failed for request {RequestId}: {SlackError}")]
    public static partial void SlackFailed(ILogger logger, Guid requestId, string slackMethod, string slackError);

    [LoggerMessage(LogEvents.Grants.Renewed, LogLevel.Information, "Request {RequestId} renewed: access key {AccessKeyId}, credentials until {SessionExpiry:O}")]
    public static partial void Renewed(ILogger logger, Guid requestId, string accessKeyId, DateTimeOffset sessionExpiry);

    [LoggerMessage(LogEvents.Grants.RenewFailed, LogLevel.Warning, "Renewing request {RequestId} failed: {ErrorCode}")]
    public static partial void RenewFailed(ILogger logger, Guid requestId, string errorCode);

    [LoggerMessage(LogEvents.Grants.Closed, LogLevel.Information, "Request {RequestId} is now {Status}; its DM clean-up: {DmCleanup}")]
    public static partial void Closed(ILogger logger, Guid requestId, RequestStatus status, DmCleanupState? dmCleanup);

    [LoggerMessage(LogEvents.Grants.DmCleanupFailing, LogLevel.Error,
        "The DM of request {RequestId} may still show its credentials: Slack refused the clean-up ({SlackError}), {FailedAttempts} failed attempt(s); next attempt at {NextAttemptAt:O}")]
    public static partial void DmCleanupFailing(ILogger logger, Guid requestId, string slackError, int failedAttempts, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(LogEvents.Grants.DmDeleted, LogLevel.Warning, "The DM of request {RequestId} could not be edited ({SlackError}); the message was deleted instead")]
    public static partial void DmDeleted(ILogger logger, Guid requestId, string slackError);

    [LoggerMessage(LogEvents.Grants.DmMissing, LogLevel.Warning, "The DM of request {RequestId} is not in Slack any more (message_not_found to edit and delete): nothing left to clean")]
    public static partial void DmMissing(ILogger logger, Guid requestId);

    [LoggerMessage(LogEvents.Grants.HeartbeatLost, LogLevel.Warning, "Lease {LeaseKey}: the heartbeat found the lease taken over; this worker stops acting on its claim")]
    public static partial void HeartbeatLost(ILogger logger, string leaseKey);

    [LoggerMessage(LogEvents.Grants.NotClaimed, LogLevel.Debug, "Request {RequestId} was not claimed here: {Reason}")]
    public static partial void NotClaimed(ILogger logger, Guid requestId, string reason);

    [LoggerMessage(LogEvents.Grants.Superseded, LogLevel.Warning, "Request {RequestId} moved while access key {AccessKeyId} was being delivered (now {Status}, version {Version})")]
    public static partial void Superseded(ILogger logger, Guid requestId, string accessKeyId, RequestStatus status, long version);

    [LoggerMessage(LogEvents.Grants.ConsoleLinkSent, LogLevel.Information, "Console link for request {RequestId} sent to its requester")]
    public static partial void ConsoleLinkSent(ILogger logger, Guid requestId);

    [LoggerMessage(LogEvents.Grants.ConsoleLinkFailed, LogLevel.Warning, "No console link for request {RequestId}: {Reason}")]
    public static partial void ConsoleLinkFailed(ILogger logger, Guid requestId, string reason);

    [LoggerMessage(LogEvents.Grants.RevocationEnforced, LogLevel.Information, "Request {RequestId} revoked in AWS: the deny policy on {RoleArn} lists it until its credentials expire {CredentialsExpire:O}")]
    public static partial void RevocationEnforced(ILogger logger, Guid requestId, string roleArn, DateTimeOffset credentialsExpire);

    [LoggerMessage(LogEvents.Grants.RevocationFailed, LogLevel.Error, "Revoking request {RequestId} in AWS failed; its credentials still work until the sweeper succeeds: {Error}")]
    public static partial void RevocationFailed(ILogger logger, Guid requestId, string error);

    [LoggerMessage(LogEvents.Grants.RevokeRefused, LogLevel.Warning, "{UserId} may not revoke request {RequestId}: {Reason}")]
    public static partial void RevokeRefused(ILogger logger, Guid requestId, string userId, string reason);
}
