using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Lifecycle;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Slack.Transport;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// One app instance of a <see cref="SharedStoreCluster"/>: the whole app in a <see cref="WebApplicationFactory{TEntryPoint}"/>,
/// its own service provider, work queue and sweeper, on the shared store and fakes. It can stop gracefully
/// (<see cref="StopAsync"/>) or die (<see cref="CrashAsync"/>).
/// </summary>
internal sealed class RaceHost : IAsyncDisposable
{
    /// <summary>How long a graceful stop waits for in-flight work (the production default is 30 s).</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly SharedStoreCluster _cluster;
    private readonly SlackRequestSigner _signer;
    private int _disposed;

    private RaceHost(SharedStoreCluster cluster, string name, CrashSwitch crash, FakeLoggerProvider logs)
    {
        _cluster = cluster;
        Name = name;
        Crash = crash;
        Logs = logs;
        _signer = new SlackRequestSigner(SlackJitHarness.SigningSecret, cluster.Time);
    }

    public string Name { get; }
    public CrashSwitch Crash { get; }
    public FakeLoggerProvider Logs { get; }
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => Factory.Services;
    public IAccessRequestStore Store => Services.GetRequiredService<IAccessRequestStore>();
    public WorkQueue Queue => Services.GetRequiredService<WorkQueue>();

    /// <summary>Options a test adds: <c>ShutdownTimeout</c> is read from <see cref="HarnessOptions.Settings"/> key <c>Races:ShutdownTimeout</c>.</summary>
    public static async Task<RaceHost> StartAsync(SharedStoreCluster cluster, string name, Action<HarnessOptions>? configure)
    {
        var options = new HarnessOptions();
        configure?.Invoke(options);
        var settings = cluster.Settings();
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }
        var shutdown = settings.Remove("Races:ShutdownTimeout", out var text) && text is not null
            ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : DefaultShutdownTimeout;

        var host = new RaceHost(cluster, name, new CrashSwitch(), new FakeLoggerProvider());
        host.Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(cluster.Time);
                services.AddSingleton<IAmazonSecurityTokenService>(_ => host.StsClient());
                services.AddSingleton(cluster.Iam.ClientSettings());
                if (cluster.Kind == StoreKind.DynamoDb)
                {
                    services.AddSingleton(_ => cluster.DynamoDbClient(host.Crash));
                }
                // Slack and federation calls go through the same switch: after a crash nothing comes back.
                services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new CrashingHttpHandler(host.Crash)));
                services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown);
                services.AddSingleton<ILoggerProvider>(host.Logs);
                options.Services?.Invoke(services);
            });
        });
        host.Client = host.Factory.CreateClient();
        await host.Store.PingAsync(CancellationToken.None);
        return host;
    }

    /// <summary>One sweep of this host's sweeper (as its timer would run it).</summary>
    public Task<int> SweepAsync() => Services.GetRequiredService<Sweeper>().SweepOnceAsync(CancellationToken.None);

    /// <summary>Sends <c>/s3-access {text}</c>; returns the ephemeral answer.</summary>
    public async Task<JsonObject> CommandAsync(string text, string user = SlackJitHarness.Requester)
    {
        using var response = await Client.SendAsync(_signer.Command(
            "/s3-access", text, userId: user, teamId: SlackJitHarness.TeamId,
            triggerId: SlackJitHarness.NewTriggerId(), responseUrl: _cluster.Slack.NewResponseUrl()));
        response.EnsureSuccessStatusCode();
        return await SlackJitHarness.BodyAsync(response);
    }

    /// <summary>Clicks a button through the signed <c>/slack/interactions</c> endpoint; each click has its own response_url.</summary>
    public async Task<ClickResult> ClickAsync(string actionId, string value, string user, string channel, string messageTs)
    {
        var payload = SlackRequestSigner.BlockActions(actionId, value, userId: user, teamId: SlackJitHarness.TeamId, channelId: channel, messageTs: messageTs);
        payload["response_url"] = _cluster.Slack.NewResponseUrl();
        payload["trigger_id"] = SlackJitHarness.NewTriggerId();
        using var response = await Client.SendAsync(_signer.Interaction(payload));
        return new ClickResult(user, (int)response.StatusCode, await SlackJitHarness.BodyAsync(response));
    }

    /// <summary>Submits the deny dialog of <paramref name="requestId"/> with a reason.</summary>
    public async Task<ClickResult> SubmitDenyAsync(Guid requestId, string user, string reason)
    {
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [RequestsSlackKeys.DenyReasonBlock] = new Dictionary<string, string> { [RequestsSlackKeys.Value] = reason },
        };
        using var response = await Client.SendAsync(_signer.Interaction(
            SlackRequestSigner.ViewSubmission(RequestsSlackKeys.DenyReasonCallback, values, requestId.ToString(), user, SlackJitHarness.TeamId)));
        return new ClickResult(user, (int)response.StatusCode, await SlackJitHarness.BodyAsync(response));
    }

    /// <summary>Waits (real time, bounded) until this host's work queue runs nothing and holds nothing.</summary>
    public async Task WaitForIdleAsync(TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var quiet = 0;
        while (quiet < 3)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Name}'s work queue still had {Queue.InFlight} items running.");
            }
            quiet = Queue.InFlight == 0 ? quiet + 1 : 0;
            await Task.Delay(20);
        }
    }

    /// <summary>A graceful stop (SIGTERM): the host's own shutdown, then disposal.</summary>
    public async Task StopAsync()
    {
        await Services.GetRequiredService<IHost>().StopAsync();
        await DisposeAsync();
    }

    /// <summary>
    /// The process dies: every call in flight stops where it is (no answer reaches the code after it, so no
    /// store write follows), then the host is torn down without waiting for its work.
    /// </summary>
    public async Task CrashAsync()
    {
        Crash.Crash();
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }

    private AmazonSecurityTokenServiceClient StsClient() => new(
        new BasicAWSCredentials("AKIAFAKEBOTKEY000001", "fake-bot-secret"),
        new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = _cluster.Sts.Url.ToString(),
            AuthenticationRegion = "us-east-1",
            // Long enough that a slow STS is still in flight when a test crashes the host.
            Timeout = TimeSpan.FromMinutes(5),
            HttpClientFactory = new CrashableAwsHttpClientFactory(Crash),
        });
}
