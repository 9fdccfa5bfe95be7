namespace SlackJit.Aws.Iam;

/// <summary>IAM answered with an error, or could not be reached. The message names the action and the code, never a secret.</summary>
/// <param name="code">IAM's error code (e.g. <c>AccessDenied</c>, <c>LimitExceeded</c>), or <c>NetworkError</c>/<c>Timeout</c>.</param>
/// <param name="transient">Throttling, 5xx, timeouts: worth trying again later.</param>
internal sealed class IamException(string action, string code, int status, string detail, bool transient, Exception? inner = null)
    : Exception($"IAM {action} failed: {code}{(status > 0 ? $" (HTTP {status})" : "")}{(detail.Length > 0 ? ": " + detail : "")}", inner)
{
    public string Code { get; } = code;

    public int Status { get; } = status;

    public bool Transient { get; } = transient;
}
