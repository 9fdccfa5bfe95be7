using System.Net;
using Amazon.Runtime;

namespace SlackJit.Aws;

/// <summary>
/// Maps what STS (or the way to it) answered into a <see cref="IssueOutcome.Refused"/> that tells
/// the operator what to fix. Permanent errors need a person; transient ones are retried later.
/// </summary>
internal static class StsErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "SlowDown",
        "IDPCommunicationError",
    };

    public static IssueOutcome.Refused FromService(AmazonServiceException ex, string roleArn)
    {
        var code = Normalize(ex.ErrorCode, ex);
        var prefix = $"STS refused AssumeRole on {roleArn}: {code}.";
        var awsSays = string.IsNullOrWhiteSpace(ex.Message) ? "" : $" STS said: {Shorten(ex.Message)}";

        if (ThrottlingCodes.Contains(code) || (int)ex.StatusCode >= 500 || ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new(code, $"{prefix} STS is busy or unavailable; SlackJit tries again.", Transient: true);
        }

        var advice = code switch
        {
            "AccessDenied" =>
                "Check that the role's trust policy allows the bot's principal sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession, " +
                "and that the bot's own policy allows them on this role.",
            "MalformedPolicyDocument" =>
                "The session policy was rejected; check the catalog entry's Bucket, Prefix and KmsKeyArn." + awsSays,
            "PackedPolicyTooLarge" =>
                "The session policy and tags are too large once packed; use a shorter prefix for this catalog entry.",
            "RegionDisabled" =>
                "STS is not activated in the region the app calls; activate it in the account's IAM settings or set AWS_REGION to an active region.",
            "ExpiredToken" =>
                "The bot's own AWS credentials have expired; refresh the credentials the app runs with.",
            "InvalidClientTokenId" or "SignatureDoesNotMatch" or "UnrecognizedClient" or "InvalidAccessKeyId" =>
                "The bot's own AWS credentials are not valid; check the credentials the app runs with (environment, profile or task role).",
            "NoSuchEntity" =>
                "The role does not exist; check Aws:RoleArn or the catalog entry's RoleArn.",
            "ValidationError" =>
                "The request was invalid; check the role ARN and that Aws:MaxSessionDuration is within the role's maximum session duration " +
                "(role chaining caps sessions at 1 h)." + awsSays,
            _ => "Check the role ARN, its trust policy and the bot's credentials." + awsSays,
        };
        return new(code, $"{prefix} {advice}", Transient: false);
    }

    /// <summary>Network failures and timeouts on the way to STS: always worth another try.</summary>
    public static IssueOutcome.Refused Unreachable(string code, string roleArn, string what) =>
        new(code, $"STS could not be reached for AssumeRole on {roleArn}: {what}. SlackJit tries again.", Transient: true);

    /// <summary>STS error codes arrive as <c>RegionDisabledException</c> or <c>RegionDisabled</c>; one name each.</summary>
    private static string Normalize(string? errorCode, Exception ex)
    {
        var code = string.IsNullOrWhiteSpace(errorCode) ? ex.GetType().Name : errorCode;
        return code.EndsWith("Exception", StringComparison.Ordinal) && code.Length > "Exception".Length && !ThrottlingCodes.Contains(code)
            ? code[..^"Exception".Length]
            : code;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
