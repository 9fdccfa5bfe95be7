using SlackJit.Access;

namespace SlackJit.Aws;

/// <summary>The <c>Aws</c> section (docs/CONFIGURATION.md). Region, credentials and endpoints follow the AWS SDK's own conventions.</summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";
    public const string DefaultSigninUrl = "https://signin.aws.amazon.com/federation";
    public const string DefaultConsoleUrl = "https://console.aws.amazon.com/";
    public static readonly TimeSpan DefaultMaxSessionDuration = SessionLimits.RoleChainingMaximum;

    /// <summary>The read-only role grants are minted from (a resource may override). Required.</summary>
    public string RoleArn { get; set; } = "";

    /// <summary>Federation endpoint for console links. Default <c>https://signin.aws.amazon.com/federation</c>.</summary>
    public string SigninUrl { get; set; } = DefaultSigninUrl;

    /// <summary>Console base for deep links. Default <c>https://console.aws.amazon.com/</c>.</summary>
    public string ConsoleUrl { get; set; } = DefaultConsoleUrl;

    /// <summary>Longest STS session minted at once. Default 1 h (role chaining caps it at 1 h); 15 min to 12 h.</summary>
    public TimeSpan MaxSessionDuration { get; set; } = DefaultMaxSessionDuration;

    /// <summary>Timeout for one STS or federation call. Default 10 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Issuer name shown by the console sign-in page. Default <c>SlackJit</c>.</summary>
    public string Issuer { get; set; } = "SlackJit";
}
