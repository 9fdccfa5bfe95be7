namespace SlackJit.Aws.Iam;

/// <summary>The IAM client's log lines (event ids 3020–3039). Never a credential or a signature.</summary>
internal static partial class IamLog
{
    [LoggerMessage(3020, LogLevel.Debug, "IAM {Action} on role {RoleName}: HTTP {Status}")]
    public static partial void Called(ILogger logger, string action, string roleName, int status);

    [LoggerMessage(3021, LogLevel.Warning, "IAM {Action} failed ({Code}); retrying, attempt {Attempt}")]
    public static partial void Retrying(ILogger logger, string action, string code, int attempt);

    [LoggerMessage(3022, LogLevel.Information, "Revocation policy on role {RoleName} lists the {Count} revoked grants still unexpired (round {Round})")]
    public static partial void RevocationsInPlace(ILogger logger, string roleName, int count, int round);

    [LoggerMessage(3023, LogLevel.Information, "Revocation policy on role {RoleName} written: {Count} revoked grants (was {Previous}), round {Round}")]
    public static partial void RevocationsWritten(ILogger logger, string roleName, int count, int previous, int round);
}
