using System.Net;
using Microsoft.Extensions.Options;
using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>Start-up checks of the <c>Aws</c> section: one message per bad key, saying what to set.</summary>
internal sealed class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public static readonly TimeSpan MinSession = SessionLimits.StsMinimum;
    public static readonly TimeSpan MaxSession = SessionLimits.StsMaximum;
    public static readonly TimeSpan MaxCallTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.RoleArn))
        {
            failures.Add("Aws:RoleArn is required: set Aws__RoleArn to the ARN of the read-only role grants are minted from");
        }
        else if (!RoleArn.TryParse(options.RoleArn, out _))
        {
            failures.Add($"Aws:RoleArn '{options.RoleArn}' is not a role ARN: expected arn:<partition>:iam::<12-digit account>:role/<name>, e.g. arn:aws:iam::123456789012:role/slackjit-read");
        }

        CheckUrl(failures, "Aws:SigninUrl", options.SigninUrl, "the federation endpoint, e.g. https://signin.aws.amazon.com/federation");
        CheckUrl(failures, "Aws:ConsoleUrl", options.ConsoleUrl, "the console base, e.g. https://console.aws.amazon.com/");

        if (options.MaxSessionDuration < MinSession || options.MaxSessionDuration > MaxSession)
        {
            failures.Add($"Aws:MaxSessionDuration is {options.MaxSessionDuration}: set it between 00:15:00 and 12:00:00 (and within the role's maximum session duration)");
        }
        if (options.CallTimeout <= TimeSpan.Zero || options.CallTimeout > MaxCallTimeout)
        {
            failures.Add($"Aws:CallTimeout is {options.CallTimeout}: set it above 00:00:00 and at most 00:05:00");
        }
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Aws:Issuer is empty: set the name the console sign-in page shows, e.g. SlackJit");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string key, string? value, string what)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            failures.Add($"{key} '{value}' is not an absolute https URL: set {what}");
        }
        else if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            failures.Add($"{key} '{value}' must use https (http is accepted only for loopback test stubs)");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
