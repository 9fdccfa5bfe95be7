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
public sealed class IamQueryClientTests : IamTestBase
{
    private IamQueryClient Client(string? secret = null, string? accessKeyId = null) =>
        NewClient(Iam.ClientSettings(secret ?? FakeIam.SecretKey, accessKeyId ?? FakeIam.AccessKeyId));

    [Fact]
    public async Task PutAsync_ThenGetAsync_RoundTripsTheDocumentThroughTheSignedQueryApi()
    {
        const string document = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/jit-request-id":["a+b/c=d &e"]}}}]}""";

        await Client().PutAsync(Role, "slackjit-revoked", document, Ct);

        Assert.Equal(document, Iam.Policy(RoleName, "slackjit-revoked"));
        Assert.Equal(document, await Client().GetAsync(Role, "slackjit-revoked", Ct));
        Assert.All(Iam.Calls, c => Assert.Equal(200, c.Status));
    }

    [Fact]
    public async Task GetAsync_NoSuchPolicy_ReturnsNull()
    {
        Assert.Null(await Client().GetAsync(Role, "slackjit-revoked", Ct));
        Assert.Equal("NoSuchEntity", Assert.Single(Iam.Calls).ErrorCode);
    }

    [Fact]
    public async Task DeleteAsync_ExistingAndMissing_RemovesAndIgnoresTheMissingOne()
    {
        Iam.SetPolicy(RoleName, "slackjit-revoked", "{}");

        await Client().DeleteAsync(Role, "slackjit-revoked", Ct);
        await Client().DeleteAsync(Role, "slackjit-revoked", Ct);

        Assert.Null(Iam.Policy(RoleName, "slackjit-revoked"));
        Assert.Equal([200, 404], Iam.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task PutAsync_WrongSecretKey_IsRejectedBySignatureCheckAndChangesNothing()
    {
        var failure = await Assert.ThrowsAsync<IamException>(() =>
            Client(secret: "not-the-secret-key").PutAsync(Role, "slackjit-revoked", "{}", Ct));

        Assert.Equal("SignatureDoesNotMatch", failure.Code);
        Assert.Equal(403, failure.Status);
        Assert.False(failure.Transient);
        Assert.Null(Iam.Policy(RoleName, "slackjit-revoked"));
        Assert.DoesNotContain("not-the-secret-key", failure.Message, StringComparison.Ordinal);
        Assert.Single(Iam.Calls);
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
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = Iam.Url, Content = signedBody };
        signing.Headers["Content-Type"] = IamQueryClient.ContentType;
        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(FakeIam.AccessKeyId, FakeIam.SecretKey),
            Region = RegionEndpoint.USEast1,
            Service = "iam",
            SignPayload = true,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, Iam.Url) { Content = new ByteArrayContent(sentBody) };
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
        Iam.FailNext(IamFault.Throttling, times: 2);

        await Client().PutAsync(Role, "slackjit-revoked", "{}", Ct);

        Assert.Equal(["Throttling", "Throttling", null], Iam.Calls.Select(c => c.ErrorCode));
        Assert.Equal("{}", Iam.Policy(RoleName, "slackjit-revoked"));
    }

    [Fact]
    public async Task PutAsync_ServiceFailureEveryTime_GivesUpAfterTheRetriesAsTransient()
    {
        Iam.FailNext(IamFault.ServiceFailure, times: 10);

        var failure = await Assert.ThrowsAsync<IamException>(() => Client().PutAsync(Role, "slackjit-revoked", "{}", Ct));

        Assert.Equal("ServiceFailure", failure.Code);
        Assert.True(failure.Transient);
        Assert.Equal(1 + IamQueryClient.MaxRetries, Iam.Calls.Count);
    }

    [Fact]
    public async Task PutAsync_AccessDenied_FailsAtOnceWithIamsCode()
    {
        Iam.FailNext(IamFault.AccessDenied);

        var failure = await Assert.ThrowsAsync<IamException>(() => Client().PutAsync(Role, "slackjit-revoked", "{}", Ct));

        Assert.Equal("AccessDenied", failure.Code);
        Assert.False(failure.Transient);
        Assert.Single(Iam.Calls);
        Assert.StartsWith("IAM PutRolePolicy failed: AccessDenied (HTTP 403)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_PastTheInlinePolicyLimit_FailsWithLimitExceeded()
    {
        Iam.SetPolicy(RoleName, "s3-read", "{\"Statement\":\"" + new string('x', 10_000) + "\"}");

        var failure = await Assert.ThrowsAsync<IamException>(() =>
            Client().PutAsync(Role, "slackjit-revoked", "{\"Statement\":\"" + new string('y', 300) + "\"}", Ct));

        Assert.Equal("LimitExceeded", failure.Code);
        Assert.Null(Iam.Policy(RoleName, "slackjit-revoked"));
    }

    [Fact]
    public async Task GetAsync_NothingListening_FailsAsTransientNetworkError()
    {
        var closed = new IamClientSettings(
            _ => new IamEndpoint(new Uri("http://127.0.0.1:9/"), RegionEndpoint.USEast1),
            _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(FakeIam.AccessKeyId, FakeIam.SecretKey)));
        var client = NewClient(closed, TimeSpan.FromSeconds(2));

        var failure = await Assert.ThrowsAsync<IamException>(() => client.GetAsync(Role, "slackjit-revoked", Ct));

        Assert.True(failure.Transient);
        Assert.Contains(failure.Code, new[] { "NetworkError", "Timeout" });
    }
}
