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
        Assert.Equal(1, stub.ForeignCalls);

        using var own = stub.CreateClient(maxErrorRetry: 0);
        var answer = await own.AssumeRoleAsync(Assume());
        Assert.NotNull(answer.Credentials);
        Assert.Single(stub.Calls);
        Assert.Equal(stub.AccessKeyId, FakeSts.AccessKeyFor(stub.Url.ToString()));
        Assert.NotEqual(earlier.AccessKeyId, stub.AccessKeyId);
    }
}
