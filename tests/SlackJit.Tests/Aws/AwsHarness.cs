using Amazon.SecurityToken;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws;

/// <summary>
/// The Aws folder wired as the app wires it (<c>AddAwsServices</c>), with STS and the federation
/// endpoint replaced by loopback stubs and every log line captured at Trace level.
/// </summary>
internal sealed class AwsHarness : IAsyncDisposable
{
    public const string DefaultRole = "arn:aws:iam::123456789012:role/slackjit-read";
    public const string OverrideRole = "arn:aws:iam::210987654321:role/finance-read";

    private readonly ServiceProvider _services;

    private AwsHarness(FakeSts sts, FakeFederation federation, FakeLoggerProvider logs, ServiceProvider services)
    {
        Sts = sts;
        Federation = federation;
        Logs = logs;
        _services = services;
    }

    public FakeSts Sts { get; }
    public FakeFederation Federation { get; }
    public FakeLoggerProvider Logs { get; }
    public IGrantIssuer Issuer => _services.GetRequiredService<IGrantIssuer>();
    public IServiceProvider Services => _services;

    /// <param name="settings">Extra configuration on top of a catalog with <c>logs</c> (prefix) and <c>finance</c> (override role, KMS).</param>
    public static async Task<AwsHarness> StartAsync(
        IDictionary<string, string?>? settings = null, TimeSpan? stsTimeout = null, int stsRetries = 3)
    {
        var sts = await FakeSts.StartAsync();
        var federation = await FakeFederation.StartAsync();
        var config = new Dictionary<string, string?>
        {
            ["Aws:RoleArn"] = DefaultRole,
            ["Aws:SigninUrl"] = federation.SigninUrl,
            ["Aws:ConsoleUrl"] = "https://console.aws.amazon.com/",
            ["Aws:MaxSessionDuration"] = "01:00:00",
            ["Aws:CallTimeout"] = "00:00:02",
            ["Access:Resources:0:Name"] = "logs",
            ["Access:Resources:0:Bucket"] = "acme-logs",
            ["Access:Resources:0:Prefix"] = "app/",
            ["Access:Resources:1:Name"] = "finance",
            ["Access:Resources:1:Bucket"] = "acme-finance",
            ["Access:Resources:1:RoleArn"] = OverrideRole,
            ["Access:Resources:1:KmsKeyArn"] = "arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName);
        services.AddSingleton<IAmazonSecurityTokenService>(sts.CreateClient(stsTimeout, stsRetries));
        services.AddAwsServices();
        return new AwsHarness(sts, federation, logs, services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Everything the loggers received: messages, structured values and exceptions.</summary>
    public string AllLogText() => string.Join('\n', Logs.Collector.GetSnapshot().Select(r =>
        $"{r.Category} {r.Level} {r.Message} {string.Join(';', r.StructuredState ?? [])} {r.Exception}"));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sts.DisposeAsync();
        await Federation.DisposeAsync();
    }
}
