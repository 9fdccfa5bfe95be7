using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using SlackJit.Aws;
using SlackJit.Aws.Iam;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws.Iam;

/// <summary>The hand-signed IAM Query API client against the loopback IAM that checks signatures as IAM does.</summary>
public sealed class IamQueryClientTests : IAsyncLifetime
{
    private const string RoleName = "slackjit-read";
    private static readonly RoleArn Role = Parse("arn:aws:iam::123456789012:role/slackjit-read");
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private FakeIam _iam = null!;
    private ServiceProvider _services = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync()
    {
        _iam = await FakeIam.StartAsync(RoleName);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _iam.DisposeAsync();
        await _services.DisposeAsync();
        _timeout.Dispose();
    }

    internal static RoleArn Parse(string arn) => RoleArn.TryParse(arn, out var role) ? role : throw new ArgumentException(arn);

    private IamQueryClient Client(string? secret = null, string? accessKeyId = null) => new(
        _services.GetRequiredService<IHttpClientFactory>(),
        _iam.ClientSettings(secret ?? FakeIam.SecretKey, accessKeyId ?? FakeIam.AccessKeyId),
        Monitor(new AwsOptions { CallTimeout = TimeSpan.FromSeconds(5) }),
        NullLogger<IamQueryClient>.Instance);

    private static IOptionsMonitor<AwsOptions> Monitor(AwsOptions options)
    {
        var monitor = Substitute.For<IOptionsMonitor<AwsOptions>>();
        monitor.CurrentValue.Returns(options);
        return monitor;
    }

    [Fact]
    public async Task PutAsync_ThenGetAsync_RoundTripsTheDocumentThroughTheSignedQueryApi()
    {
        const string document = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/jit-request-id":["a+b/c=d &e"]}}}]}""";

        await Client().PutAsync(Role, "slackjit-revoked", document, Ct);

        Assert.Equal(document, _iam.Policy(RoleName, "slackjit-revoked"));
        Assert.Equal(document, await Client().GetAsync(Role, "slackjit-revoked", Ct));
        Assert.All(_iam.Calls, c => Assert.Equal(200, c.Status));
    }

    [Fact]
    public async Task GetAsync_NoSuchPolicy_ReturnsNull()
    {
        Assert.Null(await Client().GetAsync(Role, "slackjit-revoked", Ct));
        Assert.Equal("NoSuchEntity", Assert.Single(_iam.Calls).ErrorCode);
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissing_RemovesAndIgnoresTheMissingOne()
    {
        _iam.SetPolicy(RoleName, "slackjit-revoked", "{}");

        await Client().DeleteAsync(Role, "slackjit-revoked", Ct);
        await Client().DeleteAsync(Role, "slackjit-revoked", Ct);

        Assert.Null(_iam.Policy(RoleName, "slackjit-revoked"));
        Assert.Equal([200, 404], _iam.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task PutAsync_WrongSecretKey_IsRejectedBySignatureCheckAndChangesNothing()
    {
        var failure = await Assert.ThrowsAsync<IamException>(() =>
            Client(secret: "not-the-secret-key").PutAsync(Role, "slackjit-revoked", "{}", Ct));

        Assert.Equal("SignatureDoesNotMatch", failure.Code);
        Assert.Equal(403, failure.Status);
        Assert.False(failure.Transient);
        Assert.Null(_iam.Policy(RoleName, "slackjit-revoked"));
        Assert.DoesNotContain("not-the-secret-key", failure.Message, StringComparison.Ordinal);
        Assert.Single(_iam.Calls);
    }

    [Fact]
    public async Task GetAsync_UnknownAccessKey_IsRejectedAsInvalidClientTokenId()
    {
        var failure = await Assert.ThrowsAsync<IamException>(() =>
            Client(accessKeyId: "AKIAUNKNOWNKEY000000").GetAsync(Role, "slackjit-revoked", Ct));

        Assert.Equal("InvalidClientTokenId", failure.Code);
    }

    [Fact]
    public async Task FakeIam_BodyChangedAfterSigning_RejectsTheSignature()
    {
        // Signed by the SDK's signer for one body, sent with another: the payload hash must be part of what is checked.
        var signedBody = Encoding.UTF8.GetBytes("Action=GetRolePolicy&Version=2010-05-08&RoleName=slackjit-read&PolicyName=a");
        var sentBody = Encoding.UTF8.GetBytes("Action=GetRolePolicy&Version=2010-05-08&RoleName=slackjit-read&PolicyName=b");
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _iam.Url, Content = signedBody };
        signing.Headers["Content-Type"] = IamQueryClient.ContentType;
        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(FakeIam.AccessKeyId, FakeIam.SecretKey),
            Region = RegionEndpoint.USEast1,
            Service = "iam",
            SignPayload = true,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, _iam.Url) { Content = new ByteArrayContent(sentBody) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", IamQueryClient.ContentType);
        // Everything as signed except the body, and without the payload-hash header: only the signature can catch it.
        foreach (var (name, value) in signed.Headers.Where(h => h.Key is not ("Host" or "Content-Type") &&
            !h.Key.Equals("X-Amz-Content-SHA256", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var http = new HttpClient();

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_ThrottledTwice_RetriesAndSucceeds()
    {
        _iam.FailNext(IamFault.Throttling, times: 2);

        await Client().PutAsync(Role, "slackjit-revoked", "{}", Ct);

        Assert.Equal(["Throttling", "Throttling", null], _iam.Calls.Select(c => c.ErrorCode));
        Assert.Equal("{}", _iam.Policy(RoleName, "slackjit-revoked"));
    }

    [Fact]
    public async Task PutAsync_ServiceFailureEveryTime_GivesUpAfterTheRetriesAsTransient()
    {
        _iam.FailNext(IamFault.ServiceFailure, times: 10);

        var failure = await Assert.ThrowsAsync<IamException>(() => Client().PutAsync(Role, "slackjit-revoked", "{}", Ct));

        Assert.Equal("ServiceFailure", failure.Code);
        Assert.True(failure.Transient);
        Assert.Equal(1 + IamQueryClient.MaxRetries, _iam.Calls.Count);
    }

    [Fact]
    public async Task PutAsync_AccessDenied_FailsAtOnceWithIamsCode()
    {
        _iam.FailNext(IamFault.AccessDenied);

        var failure = await Assert.ThrowsAsync<IamException>(() => Client().PutAsync(Role, "slackjit-revoked", "{}", Ct));

        Assert.Equal("AccessDenied", failure.Code);
        Assert.False(failure.Transient);
        Assert.Single(_iam.Calls);
        Assert.StartsWith("IAM PutRolePolicy failed: AccessDenied (HTTP 403)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_PastTheInlinePolicyLimit_FailsWithLimitExceeded()
    {
        _iam.SetPolicy(RoleName, "s3-read", "{\"Statement\":\"" + new string('x', 10_000) + "\"}");

        var failure = await Assert.ThrowsAsync<IamException>(() =>
            Client().PutAsync(Role, "slackjit-revoked", "{\"Statement\":\"" + new string('y', 300) + "\"}", Ct));

        Assert.Equal("LimitExceeded", failure.Code);
        Assert.Null(_iam.Policy(RoleName, "slackjit-revoked"));
    }

    [Fact]
    public async Task GetAsync_NothingListening_FailsAsTransientNetworkError()
    {
        var closed = new IamClientSettings(
            _ => new IamEndpoint(new Uri("http://127.0.0.1:9/"), RegionEndpoint.USEast1),
            _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(FakeIam.AccessKeyId, FakeIam.SecretKey)));
        var client = new IamQueryClient(_services.GetRequiredService<IHttpClientFactory>(), closed,
            Monitor(new AwsOptions { CallTimeout = TimeSpan.FromSeconds(2) }), NullLogger<IamQueryClient>.Instance);

        var failure = await Assert.ThrowsAsync<IamException>(() => client.GetAsync(Role, "slackjit-revoked", Ct));

        Assert.True(failure.Transient);
        Assert.Contains(failure.Code, new[] { "NetworkError", "Timeout" });
    }
}
