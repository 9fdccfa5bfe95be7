using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using SlackJit.Playground;
using SlackJit.Playground.Sandbox;

namespace SlackJit.Tests.Playground.Sandbox;

/// <summary>Sandbox STS through the AWS SDK itself: it answers what STS answers, and marks its credentials as sandbox.</summary>
public sealed class SandboxStsTests : IAsyncLifetime
{
    private PlaygroundApp _playground = null!;
    private string _dataDir = "";

    public async Task InitializeAsync()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), "slackjit-sandbox-" + Guid.NewGuid().ToString("N"));
        _playground = await PlaygroundApp.StartAsync(
            ["--urls=http://127.0.0.1:0", $"--Playground:DataFolder={_dataDir}"],
            new PlaygroundHostOptions { AwsFromEnvironment = false, QuietHost = true });
    }

    public async Task DisposeAsync()
    {
        await _playground.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task AssumeRole_SandboxRole_CredentialsMarkedSandboxAndSessionRecorded()
    {
        using var sts = PlaygroundApp.SandboxStsClient(_playground.Root.AbsoluteUri);

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = SandboxAccount.RoleArn,
            RoleSessionName = "jit-test",
            SourceIdentity = "U0RILEY",
            DurationSeconds = 900,
            Policy = """{"Version":"2012-10-17","Statement":[]}""",
            Tags = [new Tag { Key = "slack-user", Value = "U0RILEY" }],
        });

        Assert.StartsWith("ASIASANDBOX", response.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal("U0RILEY", response.SourceIdentity);
        var session = Assert.Single(_playground.Sandbox.Sessions);
        Assert.Equal(("jit-test", "U0RILEY"), (session.RoleSessionName, session.SourceIdentity));
        Assert.Equal(TimeSpan.FromSeconds(900), session.Expiration - session.IssuedAt);
        Assert.Equal(new KeyValuePair<string, string>("slack-user", "U0RILEY"), Assert.Single(session.Tags));
    }

    [Fact]
    public async Task AssumeRole_AnotherRole_AccessDenied()
    {
        using var sts = PlaygroundApp.SandboxStsClient(_playground.Root.AbsoluteUri);

        var ex = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::123456789012:role/admin",
            RoleSessionName = "jit-test",
        }));

        Assert.Equal("AccessDenied", ex.ErrorCode);
        Assert.Empty(_playground.Sandbox.Sessions);
    }

    [Fact]
    public async Task AssumeRole_WrongKeys_InvalidClientTokenId()
    {
        using var sts = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials("AKIAREALLOOKINGKEY01", "secret"),
            new AmazonSecurityTokenServiceConfig { ServiceURL = _playground.Root.AbsoluteUri, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

        var ex = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = SandboxAccount.RoleArn,
            RoleSessionName = "jit-test",
        }));

        Assert.Equal("InvalidClientTokenId", ex.ErrorCode);
    }

    [Theory]
    [InlineData(899)]
    [InlineData(43_201)]
    public async Task AssumeRole_DurationOutOfRange_ValidationError(int seconds)
    {
        using var sts = PlaygroundApp.SandboxStsClient(_playground.Root.AbsoluteUri);

        var ex = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = SandboxAccount.RoleArn,
            RoleSessionName = "jit-test",
            DurationSeconds = seconds,
        }));

        Assert.Equal("ValidationError", ex.ErrorCode);
    }

    [Fact]
    public async Task Federation_TokenForWrongSecret_400AndForRightOne_Token()
    {
        using var sts = PlaygroundApp.SandboxStsClient(_playground.Root.AbsoluteUri);
        var credentials = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = SandboxAccount.RoleArn, RoleSessionName = "jit-fed" })).Credentials;
        using var http = new HttpClient();
        string Url(string secret) => new Uri(_playground.Root, "sandbox/federation?Action=getSigninToken&Session=" + Uri.EscapeDataString(
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["sessionId"] = credentials.AccessKeyId, ["sessionKey"] = secret, ["sessionToken"] = credentials.SessionToken }))).AbsoluteUri;

        using var wrong = await http.GetAsync(Url("not-the-secret"));
        var right = await http.GetStringAsync(Url(credentials.SecretAccessKey));

        Assert.Equal(400, (int)wrong.StatusCode);
        Assert.StartsWith("{\"SigninToken\":\"SANDBOX-SIGNIN-", right, StringComparison.Ordinal);
    }
}
