using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace SlackJit.Tests.Fakes.Aws;

/// <summary>The STS stub checks which key signed a call, as STS does: a stray client never counts as this test's call.</summary>
public sealed class FakeStsTests
{
    private static AssumeRoleRequest Assume() => new()
    {
        RoleArn = "arn:aws:iam::123456789012:role/slackjit-read",
        RoleSessionName = "jit-test",
    };

    [Fact]
    public async Task AssumeRole_SignedWithAnotherStubsKey_RefusedAndNotRecorded()
    {
        await using var earlier = await FakeSts.StartAsync();
        await using var stub = await FakeSts.StartAsync();
        // A client of another stub (as one still retrying after its test ended, against a reused port would be).
        using var stray = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(earlier.AccessKeyId, FakeSts.SecretKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = stub.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

        var refused = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => stray.AssumeRoleAsync(Assume()));

        Assert.Equal("InvalidClientTokenId", refused.ErrorCode);
        Assert.Empty(stub.Calls);
        Assert.Equal(1, stub.RefusedCalls);

        using var own = stub.CreateClient(maxErrorRetry: 0);
        var answer = await own.AssumeRoleAsync(Assume());
        Assert.NotNull(answer.Credentials);
        Assert.Single(stub.Calls);
        Assert.Equal(stub.AccessKeyId, FakeSts.AccessKeyFor(stub.Url.ToString()));
        Assert.NotEqual(earlier.AccessKeyId, stub.AccessKeyId);
    }

    [Fact]
    public async Task Post_Unsigned_RefusedAndNotRecorded()
    {
        await using var stub = await FakeSts.StartAsync();
        using var http = new HttpClient();

        // What reaches a reused port from another test's host: a Slack Web API call, with no SigV4 at all.
        using var answer = await http.PostAsync(new Uri(stub.Url, "/api/chat.postMessage"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["channel"] = "C0APPROVALS",
            ["text"] = "hello",
        }));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("MissingAuthenticationToken", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(stub.Calls);
        Assert.Equal(1, stub.RefusedCalls);
    }

    [Fact]
    public async Task AssumeRole_BodyChangedAfterSigning_RefusedAndNotRecorded()
    {
        await using var stub = await FakeSts.StartAsync();
        using var http = new HttpClient(new TamperingHandler { InnerHandler = new SocketsHttpHandler() });
        using var client = stub.CreateClient(maxErrorRetry: 0, httpClientFactory: new FixedHttpClientFactory(http));

        var refused = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => client.AssumeRoleAsync(Assume()));

        Assert.Equal("SignatureDoesNotMatch", refused.ErrorCode);
        Assert.Empty(stub.Calls);
        Assert.Equal(1, stub.RefusedCalls);
    }

    // Asks for another role in the signed body before it is sent: the signature no longer covers what arrives.
    private sealed class TamperingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var tampered = new StringContent(body.Replace("slackjit-read", "admin", StringComparison.Ordinal));
            tampered.Headers.ContentType = request.Content.Headers.ContentType;
            request.Content = tampered;
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FixedHttpClientFactory(HttpClient http) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => http;

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }
}
