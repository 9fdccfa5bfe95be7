using System.Text;

namespace SlackJit.Access;

/// <summary>
/// What the approval card says when issuing failed: a short reason and a reference an operator finds in the log and
/// the audit trail (the request id and the code). Never the AWS error text, never an ARN: the card is seen by a whole
/// channel, the operator's details are in the log.
/// </summary>
public static class FailureText
{
    private const int MaxCodeLength = 64;

    public static string Public(AccessRequest request, string code)
    {
        ArgumentNullException.ThrowIfNull(request);
        var safe = SafeCode(code);
        return $"{Reason(safe)} (reference {request.ShortId}/{safe}; details are in SlackJit's log).";
    }

    /// <summary>A reference people can quote: the request's short id and the code, reduced to safe characters.</summary>
    public static string Reference(AccessRequest request, string? code)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.ShortId}/{SafeCode(code)}";
    }

    private static string Reason(string code) => code switch
    {
        "AccessDenied" or "NoSuchEntity" or "InvalidRoleArn" => "AWS would not let SlackJit assume the role",
        "MalformedPolicyDocument" or "PackedPolicyTooLarge" or "PolicyTooLarge" => "AWS rejected the session policy",
        "CatalogEntryMissing" or "CatalogEntryChanged" => "the catalog changed after approval",
        "ExpiredToken" or "InvalidClientTokenId" or "SignatureDoesNotMatch" or "UnrecognizedClient" or "InvalidAccessKeyId" or "ClientError"
            => "SlackJit's own AWS credentials do not work",
        "RegionDisabled" => "STS is not active in SlackJit's region",
        "TooManyAttempts" => "issuing kept failing",
        "WindowClosed" => "the approved window ended first",
        "CredentialsTooLarge" => "the credentials did not fit a Slack message",
        _ when code.StartsWith("Slack:", StringComparison.Ordinal) => "Slack did not take the credentials message",
        _ when IsUnavailable(code) => "AWS was unavailable every time SlackJit tried",
        _ => "AWS refused to issue the credentials",
    };

    private static bool IsUnavailable(string code) =>
        new[] { "Throttl", "Timeout", "NetworkError", "TooManyRequests", "SlowDown", "Unavailable", "InternalFailure", "EmptyResponse", "IDPCommunicationError" }
            .Any(part => code.Contains(part, StringComparison.OrdinalIgnoreCase));

    // Codes come from AWS or Slack: keep letters, digits and a few separators, so nothing else can reach the card.
    private static string SafeCode(string? code)
    {
        var safe = new StringBuilder();
        foreach (var c in code ?? "")
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '-' or '.')
            {
                safe.Append(c);
            }

            if (safe.Length == MaxCodeLength)
            {
                break;
            }
        }

        return safe.Length == 0 ? "Unknown" : safe.ToString();
    }
}
