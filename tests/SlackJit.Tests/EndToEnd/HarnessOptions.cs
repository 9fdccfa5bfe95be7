using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.EndToEnd;

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

    /// <summary>
    /// The store: SQLite (a file in <see cref="SlackJitHarness.DataDir"/>) or a DynamoDB table on <see cref="Dynalite"/>.
    /// Replicas share the first app's store.
    /// </summary>
    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>The dynalite fixture a <see cref="StoreKind.DynamoDb"/> store runs on.</summary>
    public DynaliteFixture? Dynalite { get; set; }

    /// <summary>
    /// Sets the harness's catalog (<c>analytics</c> and <c>finance</c>, see <see cref="SlackJitHarness.StartAsync"/>); false
    /// leaves <c>Access:Resources</c> wholly to <see cref="Settings"/>.
    /// </summary>
    public bool DefaultCatalog { get; set; } = true;

    /// <summary>Names the app instance in messages (replicas, restarts).</summary>
    public string Name { get; set; } = "app";

    /// <summary>How long a graceful stop waits for in-flight work; null keeps the host's default (30 s).</summary>
    public TimeSpan? ShutdownTimeout { get; set; }

    /// <summary>The STS client's own timeout (10 s unless set) and retries (3).</summary>
    public TimeSpan? StsTimeout { get; set; }

    public int StsRetries { get; set; } = 3;

    /// <summary>
    /// Runs the app in Socket Mode: it gets the emulator's app token, and <c>apps.connections.open</c> hands out a
    /// socket of <see cref="SlackJitHarness.SocketServer"/>, where the test plays Slack's side.
    /// </summary>
    public bool SocketMode { get; set; }
}
