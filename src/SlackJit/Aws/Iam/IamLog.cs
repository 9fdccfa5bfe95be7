namespace SlackJit.Aws.Iam;

/// <summary>The IAM client's log lines (event ids 3020–3039). Never a credential or a signature.</summary>
internal static partial class IamLog
{
    [LoggerMessage(LogEvents.Aws.IamCalled, LogLevel.Debug, "IAM {Action} on role {RoleName}: HTTP {Status}")]
    public static partial void Called(ILogger logger, string action, string roleName, int status);

    [LoggerMessage(LogEvents.Aws.IamRetrying, LogLevel.Warning, "IAM {Action} failed ({Code}); retrying, attempt {Attempt}")]
    public static partial void Retrying(ILogger logger, string action, string code, int attempt);

    [LoggerMessage(LogEvents.Aws.RevocationsInPlace, LogLevel.Information, "Revocation policy on role {RoleName} lists the {Count} revoked grants still unexpired (round {Round})")]
    public static partial void RevocationsInPlace(ILogger logger, string roleName, int count, int round);

    [LoggerMessage(LogEvents.Aws.RevocationsWritten, LogLevel.Information, "Revocation policy on role {RoleName} written: {Count} revoked grants (was {Previous}), round {Round}")]
    public static partial void RevocationsWritten(ILogger logger, string roleName, int count, int previous, int round);
}
