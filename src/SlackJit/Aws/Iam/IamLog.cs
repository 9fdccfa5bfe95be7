namespace SlackJit.Aws.Iam;

/// <summary>The IAM client's log lines (event ids 3020–3039). Never a credential or a signature.</summary>
internal static partial class IamLog
{
    [LoggerMessage(3020, LogLevel.Debug, "IAM {Action} on role {RoleName}: HTTP {Status}")]
    public static partial void Called(ILogger logger, string action, string roleName, int status);

    [LoggerMessage(3021, LogLevel.Warning, "IAM {Action} failed ({Code}); retrying, attempt {Attempt}")]
    public static partial void Retrying(ILogger logger, string action, string code, int attempt);
}
