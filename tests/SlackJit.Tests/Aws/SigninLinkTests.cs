using System.Web;
using SlackJit.Aws;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws;

public sealed class SigninLinkTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    [Fact]
    public async Task IssueAsync_FederationAnswers_SigninUrlIsALoginLinkToTheBucket()
    {
        await using var aws = await AwsHarness.StartAsync(new Dictionary<string, string?> { ["Aws:Issuer"] = "Acme JIT" });

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(prefix: "app/2025/"), OneHour, CancellationToken.None);

        var issued = Assert.IsType<IssueOutcome.Issued>(outcome);
        var link = new Uri(issued.Credentials.SigninUrl!);
        Assert.Equal(aws.Federation.SigninUrl, link.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal<string?>(["Action", "Issuer", "Destination", "SigninToken"], query.AllKeys.ToList());
        Assert.Equal("login", query["Action"]);
        Assert.Equal("Acme JIT", query["Issuer"]);
        Assert.Equal("https://s3.console.aws.amazon.com/s3/buckets/acme-logs?prefix=app%2F2025%2F", query["Destination"]);
        Assert.Equal(Assert.Single(aws.Federation.Tokens), query["SigninToken"]);
    }

    [Fact]
    public async Task IssueAsync_Federation_SendsTheSessionWithoutSessionDuration()
    {
        await using var aws = await AwsHarness.StartAsync();

        await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var call = Assert.Single(aws.Federation.Calls);
        var sent = Assert.Single(aws.Sts.Issued);
        Assert.Equal("getSigninToken", call.Action);
        Assert.False(call.SentSessionDuration);
        Assert.Equal(sent.AccessKeyId, call.SessionId);
        Assert.Equal(sent.SecretAccessKey, call.SessionKey);
        Assert.Equal(sent.SessionToken, call.SessionToken);
    }

    [Fact]
    public async Task IssueAsync_FederationAlwaysFails_IssuedWithoutLinkAndAReason()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Federation.Always = FederationFault.Unavailable;

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var issued = Assert.IsType<IssueOutcome.Issued>(outcome);
        Assert.Null(issued.Credentials.SigninUrl);
        Assert.Equal("the console link could not be made: the federation endpoint answered 503", issued.SigninError);
        Assert.Equal(3, aws.Federation.Calls.Count); // first try + 2 retries
    }

    [Fact]
    public async Task IssueAsync_FederationFailsOnce_RetriedAndLinkMade()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Federation.FailNext(FederationFault.ServerError);

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var issued = Assert.IsType<IssueOutcome.Issued>(outcome);
        Assert.NotNull(issued.Credentials.SigninUrl);
        Assert.Null(issued.SigninError);
        Assert.Equal(2, aws.Federation.Calls.Count);
    }

    [Fact]
    public async Task IssueAsync_FederationTooSlow_IssuedWithoutLink()
    {
        await using var aws = await AwsHarness.StartAsync(new Dictionary<string, string?> { ["Aws:CallTimeout"] = "00:00:00.300" });
        aws.Federation.Always = FederationFault.Slow(TimeSpan.FromSeconds(10));

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var issued = Assert.IsType<IssueOutcome.Issued>(outcome);
        Assert.Null(issued.Credentials.SigninUrl);
        Assert.Equal("the console link could not be made: the federation endpoint did not answer in time", issued.SigninError);
    }

    [Fact]
    public async Task IssueAsync_FederationAnswersGarbage_IssuedWithoutLink()
    {
        await using var aws = await AwsHarness.StartAsync();
        aws.Federation.Always = FederationFault.Garbage;

        var outcome = await aws.Issuer.IssueAsync(IssuingRequests.Approved(), OneHour, CancellationToken.None);

        var issued = Assert.IsType<IssueOutcome.Issued>(outcome);
        Assert.Null(issued.Credentials.SigninUrl);
        Assert.Equal("the console link could not be made: the federation endpoint's answer had no sign-in token", issued.SigninError);
    }
}
