using SlackJit.Aws;

namespace SlackJit.Tests.Aws;

public sealed class AwsOptionsValidatorTests
{
    private static AwsOptions Valid() => new() { RoleArn = "arn:aws:iam::123456789012:role/slackjit-read" };

    private static IReadOnlyList<string> Failures(AwsOptions options) =>
        new AwsOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/slackjit-read")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/team/path/read_only+x=y,z.@-")]
    [InlineData("arn:aws-cn:iam::123456789012:role/read")]
    public void Validate_Defaults_Succeeds(string roleArn) =>
        Assert.Empty(Failures(new AwsOptions { RoleArn = roleArn }));

    [Fact]
    public void Validate_RoleArnMissing_SaysWhatToSet() =>
        Assert.Equal(
            ["Aws:RoleArn is required: set Aws__RoleArn to the ARN of the read-only role grants are minted from"],
            Failures(new AwsOptions()));

    [Theory]
    [InlineData("slackjit-read")]
    [InlineData("arn:aws:iam::12345:role/x")]
    [InlineData("arn:aws:iam::123456789012:user/x")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/x/y")]
    [InlineData("arn:gcp:iam::123456789012:role/x")]
    public void Validate_RoleArnMisshapen_NamesKeyAndShape(string roleArn)
    {
        var failure = Assert.Single(Failures(new AwsOptions { RoleArn = roleArn }));
        Assert.StartsWith($"Aws:RoleArn '{roleArn}' is not a role ARN", failure);
        Assert.Contains("arn:<partition>:iam::<12-digit account>:role/<name>", failure);
    }

    [Theory]
    [InlineData("not a url", "is not an absolute https URL")]
    [InlineData("ftp://signin.aws.amazon.com/federation", "is not an absolute https URL")]
    [InlineData("http://signin.aws.amazon.com/federation", "must use https")]
    public void Validate_SigninUrlBad_NamesKey(string url, string expected)
    {
        var options = Valid();
        options.SigninUrl = url;
        var failure = Assert.Single(Failures(options));
        Assert.StartsWith("Aws:SigninUrl", failure);
        Assert.Contains(expected, failure);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/federation")]
    [InlineData("http://localhost:8080/federation")]
    [InlineData("http://[::1]:8080/federation")]
    public void Validate_HttpLoopback_Accepted(string url)
    {
        var options = Valid();
        options.SigninUrl = url;
        options.ConsoleUrl = url;
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Validate_ConsoleUrlRelative_NamesKey()
    {
        var options = Valid();
        options.ConsoleUrl = "/console";
        Assert.StartsWith("Aws:ConsoleUrl", Assert.Single(Failures(options)));
    }

    [Theory]
    [InlineData("00:14:59")]
    [InlineData("12:00:01")]
    [InlineData("00:00:00")]
    public void Validate_MaxSessionDurationOutOfRange_SaysTheRange(string value)
    {
        var options = Valid();
        options.MaxSessionDuration = TimeSpan.Parse(value);
        Assert.Contains("between 00:15:00 and 12:00:00", Assert.Single(Failures(options)));
    }

    [Theory]
    [InlineData("00:15:00")]
    [InlineData("12:00:00")]
    public void Validate_MaxSessionDurationAtBounds_Succeeds(string value)
    {
        var options = Valid();
        options.MaxSessionDuration = TimeSpan.Parse(value);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Validate_CallTimeoutZero_NamesKey()
    {
        var options = Valid();
        options.CallTimeout = TimeSpan.Zero;
        Assert.StartsWith("Aws:CallTimeout", Assert.Single(Failures(options)));
    }
}
