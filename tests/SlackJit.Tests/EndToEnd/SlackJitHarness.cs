using System.Net;
using System.Text.Json.Nodes;
using Amazon.SecurityToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using SlackJit.Lifecycle;
using SlackJit.Storage;
using SlackJit.Telemetry;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Fakes.Net;
using SlackJit.Tests.Slack.Transport;

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

    private SlackJitHarness(LoopbackWorld world)
    {
        _world = world;
        Signer = new SlackRequestSigner(SigningSecret, world.Time);
    }

    public FakeSlackApi Slack => _world.Slack;
    public FakeSts Sts => _world.Sts;
    public FakeFederation Federation => _world.Federation;
    public FakeIam Iam => _world.Iam;
    public FakeTimeProvider Time => _world.Time;
    public SlackRequestSigner Signer { get; }

    /// <summary>Folder holding this run's SQLite database (deleted on dispose).</summary>
    public string DataDir => _world.DataDir;

    /// <summary>Every log line, when <see cref="HarnessOptions.CaptureLogsAt"/> was set.</summary>
    public FakeLoggerProvider? Logs { get; private set; }

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => Factory.Services;
    public IAccessRequestStore Store => Services.GetRequiredService<IAccessRequestStore>();

    /// <summary>The Prometheus scrape endpoint on its own port, when <see cref="HarnessOptions.ServeMetrics"/> is set.</summary>
    public Uri? MetricsUrl { get; private set; }

    /// <summary>
    /// Starts the fakes and the app. The default catalog has two entries:
    /// <c>analytics</c> (bucket <c>analytics-prod</c>, approvers <see cref="Approver"/>, <see cref="SecondApprover"/>
    /// and the group <see cref="ApproverGroup"/>, max 4 h) and <c>finance</c> (<c>finance-data/reports/</c>, 2 approvals, max 2 h).
    /// </summary>
    public static async Task<SlackJitHarness> StartAsync(Action<HarnessOptions>? configure = null)
    {
        var options = new HarnessOptions();
        configure?.Invoke(options);
        var world = await LoopbackWorld.StartAsync("slackjit-e2e-");
        var harness = new SlackJitHarness(world);
        var time = world.Time;
        var sts = world.Sts;

        world.Slack.AddUser(GroupApprover);
        world.Slack.AddUser(Guest, isRestricted: true);
        world.Slack.AddUserGroup(ApproverGroup, GroupApprover);

        var settings = world.Settings();
        settings["Store:Provider"] = "Sqlite";
        settings["Store:Sqlite:Path"] = Path.Combine(world.DataDir, "slackjit.db");
        settings["Access:Resources:0:Approvers:2"] = ApproverGroup;
        settings["Access:Resources:1:Name"] = "finance";
        settings["Access:Resources:1:Bucket"] = "finance-data";
        settings["Access:Resources:1:Prefix"] = "reports/";
        settings["Access:Resources:1:MaxDuration"] = "02:00:00";
        settings["Access:Resources:1:RequiredApprovals"] = "2";
        settings["Access:Resources:1:Approvers:0"] = Approver;
        settings["Access:Resources:1:Approvers:1"] = SecondApprover;
        if (options.ManualSweeps)
        {
            settings["Lifecycle:SweeperEnabled"] = "false";
        }
        if (options.CaptureLogsAt is { } level)
        {
            settings["Logging:LogLevel:Default"] = level.ToString();
            harness.Logs = new FakeLoggerProvider();
        }
        if (options.ServeMetrics)
        {
            var port = LoopbackPorts.Free();
            settings["Telemetry:Prometheus:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Telemetry:Prometheus:Host"] = "127.0.0.1";
            harness.MetricsUrl = new Uri($"http://127.0.0.1:{port}/metrics");
        }
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        harness.Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddSingleton<IAmazonSecurityTokenService>(_ => sts.CreateClient());
                services.AddSingleton(world.Iam.ClientSettings());
                if (harness.Logs is { } logs)
                {
                    services.AddSingleton<ILoggerProvider>(logs);
                }
                if (options.Spans is { } spans)
                {
                    // The app's own span set-up (sources, sampler), exported to memory instead of a collector.
                    services.AddOpenTelemetry().WithTracing(t => t.AddSlackJitSpans(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).AddInMemoryExporter(spans));
                }
                options.Services?.Invoke(services);
            });
        });
        harness.Client = harness.Factory.CreateClient();
        return harness;
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
    public async Task WaitForQueueAsync()
    {
        var queue = Services.GetRequiredService<WorkQueue>();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (queue.InFlight > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(25);
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

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        await _world.DisposeAsync();
    }
}

/// <summary>What a test changes about the harness.</summary>
public sealed class HarnessOptions
{
    /// <summary>Configuration overrides (e.g. <c>Access:Resources:0:AllowSelfApproval</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Service overrides applied after the app's own registrations.</summary>
    public Action<IServiceCollection>? Services { get; set; }

    /// <summary>Turns the sweeper's timer off: the test sweeps when it means to (<see cref="SlackJitHarness.SweepAsync"/>).</summary>
    public bool ManualSweeps { get; set; }

    /// <summary>Captures every log line at this level and above in <see cref="SlackJitHarness.Logs"/>; null captures nothing.</summary>
    public LogLevel? CaptureLogsAt { get; set; }

    /// <summary>Serve Prometheus metrics on a free loopback port of their own (<see cref="SlackJitHarness.MetricsUrl"/>).</summary>
    public bool ServeMetrics { get; set; }

    /// <summary>When set, SlackJit's spans are exported here (OpenTelemetry's in-memory exporter) as each one ends.</summary>
    public List<System.Diagnostics.Activity>? Spans { get; set; }
}
