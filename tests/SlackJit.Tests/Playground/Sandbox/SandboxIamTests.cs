using Amazon;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using SlackJit.Aws;
using SlackJit.Aws.Iam;
using SlackJit.Playground.Sandbox;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Playground.Sandbox;

/// <summary>SlackJit's own IAM client (signed, IAM's XML) against the playground's sandbox IAM.</summary>
public sealed class SandboxIamTests : IAsyncLifetime
{
    private const string PolicyName = "slackjit-revoked";
    private static readonly RoleArn Role = RoleArn.TryParse(SandboxAccount.RoleArn, out var role) ? role : throw new InvalidOperationException();
    private readonly SandboxIam _iam = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private LoopbackServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_iam.HandleAsync);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task PutGetDelete_SandboxKey_KeepsTheRolesInlinePolicyAsIamDoes()
    {
        var client = Client(SandboxAccount.BotAccessKeyId);
        const string document = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/jit-request-id":["a b&<c>"]}}}]}""";

        Assert.Null(await client.GetAsync(Role, PolicyName, _timeout.Token));
        await client.PutAsync(Role, PolicyName, document, _timeout.Token);
        Assert.Equal(document, await client.GetAsync(Role, PolicyName, _timeout.Token));
        Assert.Equal(document, _iam.Find(PolicyName));

        await client.DeleteAsync(Role, PolicyName, _timeout.Token);
        Assert.Null(await client.GetAsync(Role, PolicyName, _timeout.Token));
    }

    [Fact]
    public async Task Put_OtherKeyOrTooLarge_RefusedAndNothingKept()
    {
        var stranger = await Assert.ThrowsAsync<IamException>(() =>
            Client("AKIANOTTHESANDBOXBOT").PutAsync(Role, PolicyName, "{}", _timeout.Token));
        Assert.Contains("InvalidClientTokenId", stranger.Message, StringComparison.Ordinal);

        var tooLarge = await Assert.ThrowsAsync<IamException>(() =>
            Client(SandboxAccount.BotAccessKeyId).PutAsync(Role, PolicyName, new string('x', SandboxIam.MaxInlinePolicyLength + 1), _timeout.Token));
        Assert.Contains("LimitExceeded", tooLarge.Message, StringComparison.Ordinal);
        Assert.Null(_iam.Find(PolicyName));
    }

    private IamQueryClient Client(string accessKeyId)
    {
        var options = Substitute.For<IOptionsMonitor<AwsOptions>>();
        options.CurrentValue.Returns(new AwsOptions { CallTimeout = TimeSpan.FromSeconds(5) });
        var settings = new IamClientSettings(
            _ => new IamEndpoint(new Uri(_server.Url, SandboxIam.Path), RegionEndpoint.USEast1),
            _ => Task.FromResult<AWSCredentials>(new BasicAWSCredentials(accessKeyId, SandboxAccount.BotSecretAccessKey)));
        return new IamQueryClient(_services.GetRequiredService<IHttpClientFactory>(), settings, options, NullLogger<IamQueryClient>.Instance);
    }
}
