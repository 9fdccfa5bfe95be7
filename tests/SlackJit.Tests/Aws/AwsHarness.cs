using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Aws;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Aws;

/// <summary>
/// The Aws folder as the app wires it, in a <see cref="SlackJitHarness"/> on its own catalog (<c>logs</c> with a prefix,
/// <c>finance</c> with an override role and a KMS key), STS and the federation endpoint on loopback, and every log
/// line captured at Trace level.
/// </summary>
internal sealed class AwsHarness : IAsyncDisposable
{
    public const string DefaultRole = SlackJitHarness.RoleArn;
    public const string OverrideRole = "arn:aws:iam::210987654321:role/finance-read";

    private AwsHarness(SlackJitHarness app) => App = app;

    public SlackJitHarness App { get; }
    public FakeSts Sts => App.Sts;
    public FakeFederation Federation => App.Federation;
    public FakeLoggerProvider Logs => App.Logs!;
    public IGrantIssuer Issuer => App.Services.GetRequiredService<IGrantIssuer>();
    public IServiceProvider Services => App.Services;

    /// <param name="settings">Extra configuration on top of the catalog.</param>
    /// <param name="configure">Anything else the test changes about the app.</param>
    public static async Task<AwsHarness> StartAsync(
        IDictionary<string, string?>? settings = null, TimeSpan? stsTimeout = null, int stsRetries = 3, Action<HarnessOptions>? configure = null) =>
        new(await SlackJitHarness.StartAsync(options =>
        {
            options.DefaultCatalog = false;
            options.CaptureLogsAt = LogLevel.Trace;
            options.StsTimeout = stsTimeout;
            options.StsRetries = stsRetries;
            foreach (var (key, value) in Catalog.Concat(settings ?? new Dictionary<string, string?>()))
            {
                options.Settings[key] = value;
            }
            configure?.Invoke(options);
        }));

    /// <summary>Everything the loggers received: messages, structured values and exceptions.</summary>
    public string AllLogText() => string.Join('\n', Logs.Collector.GetSnapshot().Select(r =>
        $"{r.Category} {r.Level} {r.Message} {string.Join(';', r.StructuredState ?? [])} {r.Exception}"));

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static readonly Dictionary<string, string?> Catalog = new()
    {
        ["Aws:ConsoleUrl"] = "https://console.aws.amazon.com/",
        ["Aws:MaxSessionDuration"] = "01:00:00",
        ["Aws:CallTimeout"] = "00:00:02",
        ["Access:Resources:0:Name"] = "logs",
        ["Access:Resources:0:Bucket"] = "acme-logs",
        ["Access:Resources:0:Prefix"] = "app/",
        ["Access:Resources:0:Approvers:0"] = SlackJitHarness.Approver,
        ["Access:Resources:1:Name"] = "finance",
        ["Access:Resources:1:Bucket"] = "acme-finance",
        ["Access:Resources:1:RoleArn"] = OverrideRole,
        ["Access:Resources:1:KmsKeyArn"] = "arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        ["Access:Resources:1:Approvers:0"] = SlackJitHarness.Approver,
    };
}
