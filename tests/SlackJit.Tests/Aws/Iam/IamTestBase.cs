using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using SlackJit.Aws;
using SlackJit.Aws.Iam;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws.Iam;

/// <summary>A loopback IAM (signature-checking) with the read-only role, and IAM clients pointed at it.</summary>
public abstract class IamTestBase : IAsyncLifetime
{
    protected const string RoleName = "slackjit-read";
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private ServiceProvider _services = null!;

    internal static RoleArn Role { get; } = Parse("arn:aws:iam::123456789012:role/" + RoleName);

    protected FakeIam Iam { get; private set; } = null!;

    protected CancellationToken Ct => _timeout.Token;

    protected IHttpClientFactory HttpClients => _services.GetRequiredService<IHttpClientFactory>();

    public async Task InitializeAsync()
    {
        Iam = await FakeIam.StartAsync(RoleName);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Iam.DisposeAsync();
        await _services.DisposeAsync();
        _timeout.Dispose();
    }

    internal static RoleArn Parse(string arn) => RoleArn.TryParse(arn, out var role) ? role : throw new ArgumentException(arn);

    /// <summary>A client signing with <paramref name="settings"/> (default: the fake's right key).</summary>
    internal IamQueryClient NewClient(IamClientSettings? settings = null, TimeSpan? callTimeout = null)
    {
        var options = Substitute.For<IOptionsMonitor<AwsOptions>>();
        options.CurrentValue.Returns(new AwsOptions { CallTimeout = callTimeout ?? TimeSpan.FromSeconds(5) });
        return new IamQueryClient(HttpClients, settings ?? Iam.ClientSettings(), options, NullLogger<IamQueryClient>.Instance);
    }
}
