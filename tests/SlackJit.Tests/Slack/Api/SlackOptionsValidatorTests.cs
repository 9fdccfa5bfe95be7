using SlackJit.Slack;
using SlackJit.Slack.Api;

namespace SlackJit.Tests.Slack.Api;

public sealed class SlackOptionsValidatorTests
{
    private static SlackOptions Valid() => new() { BotToken = "xoxb-123", SigningSecret = "secret" };

    [Fact]
    public void Validate_ValidHttpMode_Succeeds()
    {
        Assert.True(new SlackOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Validate_SocketModeOnlyWithoutSigningSecret_Succeeds()
    {
        var options = Valid();
        options.SigningSecret = "";
        options.AppToken = "xapp-1-abc";

        Assert.True(new SlackOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_MissingBotToken_NamesKeyAndEnvironmentVariable()
    {
        var options = Valid();
        options.BotToken = "";

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.Equal(
            "Slack:BotToken is required: set the environment variable Slack__BotToken to your bot token (xoxb-…)",
            Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("BotToken", "xoxp-user-token", "Slack:BotToken")]
    [InlineData("AppToken", "xoxb-not-an-app-token", "Slack:AppToken")]
    [InlineData("SigningSecret", "", "Slack:SigningSecret")]
    [InlineData("ApiBaseUrl", "https://slack.com/api", "Slack:ApiBaseUrl")]
    [InlineData("ApiBaseUrl", "/api/", "Slack:ApiBaseUrl")]
    [InlineData("ApiBaseUrl", "ftp://slack.com/api/", "Slack:ApiBaseUrl")]
    [InlineData("ApiBaseUrl", "http://slack.com/api/", "Slack:ApiBaseUrl")]
    [InlineData("ApiBaseUrl", "http://10.0.0.5:8080/api/", "Slack:ApiBaseUrl")]
    [InlineData("ApiBaseUrl", "http://127.0.0.1.nip.io/api/", "Slack:ApiBaseUrl")]
    [InlineData("RequestTimeout", "00:00:00", "Slack:RequestTimeout")]
    public void Validate_BadValue_FailsNamingTheKey(string property, string value, string key)
    {
        var options = Valid();
        var info = typeof(SlackOptions).GetProperty(property)!;
        info.SetValue(options, info.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var result = new SlackOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key, failure);
        Assert.Contains(key.Replace(":", "__", StringComparison.Ordinal), failure);
    }

    [Theory]
    [InlineData("https://slack.com/api/")]
    [InlineData("http://127.0.0.1:9/api/")]
    [InlineData("http://localhost:5000/api/")]
    [InlineData("http://[::1]:5000/api/")]
    public void Validate_HttpsOrLoopbackApiBase_Succeeds(string url)
    {
        var options = Valid();
        options.ApiBaseUrl = url;

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_PlainHttpApiBase_SaysHttpsIsRequired()
    {
        var options = Valid();
        options.ApiBaseUrl = "http://slack.example.com/api/";

        var failure = Assert.Single(new SlackOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("Slack:ApiBaseUrl must use https (http only for a loopback address", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadSecrets_NeverEchoesThem()
    {
        var options = new SlackOptions { BotToken = "xoxp-very-secret", AppToken = "xoxb-also-secret" };

        var failures = string.Join("\n", new SlackOptionsValidator().Validate(null, options).Failures!);

        Assert.DoesNotContain("very-secret", failures);
        Assert.DoesNotContain("also-secret", failures);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Validate_RetryAttemptsOutOfRange_Fails(int attempts)
    {
        var result = new SlackApiRetryOptionsValidator().Validate(null, new SlackApiRetryOptions { MaxRetryAttempts = attempts });

        Assert.StartsWith("Slack:Retry:MaxRetryAttempts", Assert.Single(result.Failures!));
    }
}
