using System.Net;
using System.Text.Json.Nodes;
using Amazon.SecurityToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using SlackJit.Lifecycle;
using SlackJit.Storage;
using SlackJit.Telemetry;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.EndToEnd;

/// <summary>
/// The whole app in a <see cref="WebApplicationFactory{TEntryPoint}"/>, wired to loopback fakes that speak
/// the real wire formats: Slack's Web API, STS and the federation endpoint. Time is a
/// <see cref="FakeTimeProvider"/>; requests are signed as Slack signs them.
/// </summary>
public sealed class SlackJitHarness : IAsyncDisposable
{
    public const string SigningSecret = "e2e-signing-secret";
    public const string ApproverChannel = "C0APPROVERS";
    public const string TeamId = "T0TEAM";
    public const string Requester = "U0REQUESTER";
    public const string Approver = "U0APPROVER1";
    public const string SecondApprover = "U0APPROVER2";
    public const string GroupApprover = "U0GROUPMEMBER";
    public const string ApproverGroup = "S0APPROVERS";
    public const string Outsider = "U0OUTSIDER";
    public const string Guest = "U0GUEST";
    public const string RoleName = "slackjit-read";
    public const string RoleArn = "arn:aws:iam::123456789012:role/" + RoleName;
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly LoopbackWorld _world;
    private readonly bool _ownsWorld;
    private readonly Action<HarnessOptions>? _configure;
    private readonly List<SlackJitHarness> _replicas = [];
    private int _disposed;

    private SlackJitHarness(LoopbackWorld world, bool ownsWorld, Action<HarnessOptions>? configure, HarnessOptions options, string signingSecret)
    {
        _world = world;
        _ownsWorld = ownsWorld;
        _configure = configure;
        Name = options.Name;
        Signer = new SlackRequestSigner(signingSecret, world.Time);
    }

    public FakeSlackApi Slack => _world.Slack;
    public FakeSts Sts => _world.Sts;
    public FakeFederation Federation => _world.Federation;
    public FakeIam Iam => _world.Iam;
    public FakeTimeProvider Time => _world.Time;

    /// <summary>Signs as Slack does, with the app's signing secret (<see cref="SigningSecret"/> unless a test set another).</summary>
    public SlackRequestSigner Signer { get; }

    /// <summary>This app instance's name (<see cref="HarnessOptions.Name"/>).</summary>
    public string Name { get; }

    /// <summary>
    /// Stands for the process dying (<see cref="CrashAsync"/>): every outgoing call of this app (Slack, STS, IAM,
    /// federation, DynamoDB) goes through it, and after the crash none returns.
    /// </summary>
    internal CrashSwitch Crash { get; } = new();

    /// <summary>Folder holding this run's SQLite database (deleted on dispose).</summary>
    public string DataDir => _world.DataDir;

    /// <summary>The store this app and its replicas share.</summary>
    public StoreKind StoreKind => _world.Store ?? StoreKind.Sqlite;

    /// <summary>The DynamoDB table, when <see cref="StoreKind"/> is <see cref="EndToEnd.StoreKind.DynamoDb"/>.</summary>
    public string TableName => _world.TableName;

    /// <summary>Every log line, when <see cref="HarnessOptions.CaptureLogsAt"/> was set.</summary>
    public FakeLoggerProvider? Logs { get; private set; }

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => Factory.Services;
    public IAccessRequestStore Store => Services.GetRequiredService<IAccessRequestStore>();
    internal WorkQueue Queue => Services.GetRequiredService<WorkQueue>();

    /// <summary>The Prometheus scrape endpoint on its own port, when <see cref="HarnessOptions.ServeMetrics"/> is set.</summary>
    public Uri? MetricsUrl { get; private set; }

    /// <summary>Slack's side of the Socket Mode sockets, when <see cref="HarnessOptions.SocketMode"/> is set.</summary>
    internal FakeSlackSocketServer? SocketServer { get; private set; }

    /// <summary>
    /// Starts the fakes and the app. The default catalog has two entries:
    /// <c>analytics</c> (bucket <c>analytics-prod</c>, approvers <see cref="Approver"/>, <see cref="SecondApprover"/>
    /// and the group <see cref="ApproverGroup"/>, max 4 h) and <c>finance</c> (<c>finance-data/reports/</c>, 2 approvals, max 2 h).
    /// </summary>
    public static async Task<SlackJitHarness> StartAsync(Action<HarnessOptions>? configure = null)
    {
        var world = await LoopbackWorld.StartAsync("slackjit-e2e-");
        try
        {
            return await StartInAsync(world, ownsWorld: true, configure);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts one more instance of this app (a replica, or the app again after a stop or crash) on the same fakes,
    /// clock and store, configured as this one and then by <paramref name="configure"/>. It is disposed with this harness.
    /// </summary>
    public async Task<SlackJitHarness> StartReplicaAsync(string name, Action<HarnessOptions>? configure = null)
    {
        var replica = await StartInAsync(_world, ownsWorld: false, options =>
        {
            _configure?.Invoke(options);
            options.Name = name;
            configure?.Invoke(options);
        });
        lock (_replicas)
        {
            _replicas.Add(replica);
        }
        return replica;
    }

    /// <summary>Starts an app in <paramref name="world"/>; the world is disposed with it only when <paramref name="ownsWorld"/>.</summary>
    internal static async Task<SlackJitHarness> StartInAsync(LoopbackWorld world, bool ownsWorld, Action<HarnessOptions>? configure)
    {
        var options = new HarnessOptions();
        configure?.Invoke(options);
        await world.UseStoreAsync(options.Store, options.Dynalite, options.Settings.GetValueOrDefault("Store:DynamoDb:TableName"));

        var settings = world.Settings(options.DefaultCatalog);
        foreach (var (key, value) in world.StoreSettings())
        {
            settings[key] = value;
        }
        if (options.ManualSweeps)
        {
            settings["Lifecycle:SweeperEnabled"] = "false";
        }
        if (options.CaptureLogsAt is { } level)
        {
            settings["Logging:LogLevel:Default"] = level.ToString();
        }
        Uri? metricsUrl = null;
        if (options.ServeMetrics)
        {
            var port = LoopbackPorts.Free();
            settings["Telemetry:Prometheus:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Telemetry:Prometheus:Host"] = "127.0.0.1";
            metricsUrl = new Uri($"http://127.0.0.1:{port}/metrics");
        }
        FakeSlackSocketServer? socketServer = null;
        if (options.SocketMode)
        {
            socketServer = await FakeSlackSocketServer.StartAsync();
            world.Slack.SocketModeUrl = socketServer.LinkUrl;
            settings["Slack:AppToken"] = world.Slack.AppToken;
        }
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }
        if (options.Store == StoreKind.DynamoDb)
        {
            // Replicas run on the first app's table, whatever name their own options made up.
            settings["Store:DynamoDb:TableName"] = world.TableName;
        }

        var harness = new SlackJitHarness(world, ownsWorld, configure, options, settings["Slack:SigningSecret"] ?? SigningSecret)
        {
            Logs = options.CaptureLogsAt is null ? null : new FakeLoggerProvider(),
            MetricsUrl = metricsUrl,
            SocketServer = socketServer,
        };
        harness.Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services => harness.Replace(services, options));
        });
        try
        {
            harness.Client = harness.Factory.CreateClient();
        }
        catch
        {
            await harness.Factory.DisposeAsync();
            if (socketServer is not null)
            {
                await socketServer.DisposeAsync();
            }
            throw;
        }
        return harness;
    }

    /// <summary>The app's services that the harness points at the world (and at <see cref="Crash"/>), then the test's own.</summary>
    private void Replace(IServiceCollection services, HarnessOptions options)
    {
        var crashable = new CrashableAwsHttpClientFactory(Crash);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IAmazonSecurityTokenService>(_ => Sts.CreateClient(options.StsTimeout, options.StsRetries, crashable));
        services.AddSingleton(Iam.ClientSettings());
        if (_world.Store == StoreKind.DynamoDb)
        {
            services.AddSingleton(_ => _world.Dynalite!.CreateClient(crashable));
        }
        // Slack, IAM and federation calls go through the same switch: after a crash nothing comes back.
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new CrashingHttpHandler(Crash)));
        if (options.ShutdownTimeout is { } shutdown)
        {
            services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown);
        }
        if (Logs is { } logs)
        {
            services.AddSingleton<ILoggerProvider>(logs);
        }
        if (options.Spans is { } spans)
        {
            // The app's own span set-up (sources, sampler), exported to memory instead of a collector.
            services.AddOpenTelemetry().WithTracing(t => t.AddSlackJitSpans(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).AddInMemoryExporter(spans));
        }
        options.Services?.Invoke(services);
    }

    /// <summary>
    /// Sends <c>/s3-access {text}</c> as <paramref name="user"/>; the response_url points at the fake. Each call gets a
    /// fresh trigger id (Slack's are single-use) unless <paramref name="triggerId"/> is given.
    /// </summary>
    public Task<HttpResponseMessage> CommandAsync(
        string text, string user = Requester, CancellationToken cancellationToken = default, string? triggerId = null) =>
        Client.SendAsync(
            Signer.Command("/s3-access", text, userId: user, teamId: TeamId, triggerId: triggerId ?? NewTriggerId(), responseUrl: Slack.NewResponseUrl()),
            cancellationToken);

    /// <summary>A trigger id as Slack makes them, unique per call.</summary>
    public static string NewTriggerId() => $"1337.42.{Guid.NewGuid():N}";

    /// <summary>Clicks a button with <paramref name="actionId"/> and <paramref name="value"/> on a message.</summary>
    public Task<HttpResponseMessage> ClickAsync(
        string actionId,
        string value,
        string user,
        string channel = ApproverChannel,
        string messageTs = "1700000000.000100",
        CancellationToken cancellationToken = default)
    {
        var payload = SlackRequestSigner.BlockActions(actionId, value, userId: user, teamId: TeamId, channelId: channel, messageTs: messageTs);
        payload["response_url"] = Slack.NewResponseUrl();
        payload["trigger_id"] = NewTriggerId();
        return Client.SendAsync(Signer.Interaction(payload), cancellationToken);
    }

    /// <summary>Submits a modal with <paramref name="callbackId"/>; values map block_id → action_id → value.</summary>
    public Task<HttpResponseMessage> SubmitViewAsync(
        string callbackId,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> values,
        string? privateMetadata,
        string user,
        CancellationToken cancellationToken = default) =>
        Client.SendAsync(Signer.Interaction(SlackRequestSigner.ViewSubmission(callbackId, values, privateMetadata, user, TeamId)), cancellationToken);

    /// <summary>One pass of the sweeper over what is due now; how many requests it moved.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<Sweeper>().SweepOnceAsync(cancellationToken);

    /// <summary>Waits (real time, at most 20 s) until the work queue has nothing running.</summary>
    public Task WaitForQueueAsync() => WaitForIdleAsync();

    /// <summary>
    /// Waits (real time, bounded) until this app's work queue has run nothing and held nothing for a while (an item that
    /// queues more work, like a Home refresh, is followed through); a timeout throws.
    /// </summary>
    public async Task WaitForIdleAsync(TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var quiet = 0;
        while (quiet < 3)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Name}'s work queue still had {Queue.InFlight} items running and {Queue.Waiting} waiting.");
            }
            quiet = Queue.InFlight == 0 && Queue.Waiting == 0 ? quiet + 1 : 0;
            await Task.Delay(20);
        }
    }

    /// <summary><c>GET /readyz</c>: its status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ReadyzAsync()
    {
        using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads the JSON body of a Slack response (empty object for an empty 200).</summary>
    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A graceful stop (SIGTERM): the host's own shutdown, then disposal. The fakes and the store stay.</summary>
    public async Task StopAsync()
    {
        await Services.GetRequiredService<IHost>().StopAsync();
        await DisposeAppAsync();
    }

    /// <summary>
    /// The process dies: every call in flight stops where it is (no answer reaches the code after it, so no store write
    /// follows), then the app is torn down without waiting for its work. The fakes and the store stay.
    /// </summary>
    public async Task CrashAsync()
    {
        Crash.Crash();
        await DisposeAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        SlackJitHarness[] replicas;
        lock (_replicas)
        {
            replicas = [.. _replicas];
        }
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
        await DisposeAppAsync();
        if (_ownsWorld)
        {
            await _world.DisposeAsync();
        }
    }

    private async Task DisposeAppAsync()
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
        if (SocketServer is not null)
        {
            await SocketServer.DisposeAsync();
        }
    }
}
