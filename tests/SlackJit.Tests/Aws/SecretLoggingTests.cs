using SlackJit.Aws;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws;

/// <summary>Secrets (secret key, session token, sign-in token and link) never reach a log, at any level.</summary>
public sealed class SecretLoggingTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Fact]
    public async Task IssueAsync_Issued_NoSecretInTraceLogs()
    {
        await using var aws = await AwsHarness.StartAsync();

        var issued = Assert.IsType<IssueOutcome.Issued>(
            await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None));

        var logs = aws.AllLogText();
        var sent = Assert.Single(aws.Sts.Issued);
        Assert.Contains(sent.AccessKeyId, logs); // the capture works: the audit line names the (non-secret) key id
        AssertNoSecret(logs, sent.SecretAccessKey, sent.SessionToken, Assert.Single(aws.Federation.Tokens), issued.Credentials.SigninUrl!);
    }

    [Fact]
    public async Task IssueAsync_FederationRetriedAndFailing_NoSecretInTraceLogs()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Federation.Always = FederationFault.ServerError;

        await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var logs = aws.AllLogText();
        var sent = Assert.Single(aws.Sts.Issued);
        Assert.Contains("No console link", logs);
        AssertNoSecret(logs, sent.SecretAccessKey, sent.SessionToken, "getSigninToken", "Session=");
    }

    [Fact]
    public async Task IssueAsync_FederationCall_NoHttpClientRequestLogging()
    {
        // The default request loggers print the URI; its query (Session=...) is redacted only while
        // the runtime's URI redaction stays on. The federation client must not depend on that switch.
        await using var aws = await AwsHarness.StartAsync();
        aws.Federation.FailNext(FederationFault.ServerError);

        await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        Assert.Equal(2, aws.Federation.Calls.Count);
        Assert.DoesNotContain(aws.Logs.Collector.GetSnapshot(), r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void IssuedCredentials_ToString_HidesSecrets()
    {
        var credentials = new IssuedCredentials("ASIAKEY", "secret-value", "token-value", DateTimeOffset.UnixEpoch, "AROA:jit", "https://signin/x?SigninToken=t");

        var text = credentials.ToString();

        Assert.DoesNotContain("secret-value", text);
        Assert.DoesNotContain("token-value", text);
        Assert.DoesNotContain("SigninToken", text);
    }

    private static void AssertNoSecret(string logs, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), logs);
        }
    }
}
