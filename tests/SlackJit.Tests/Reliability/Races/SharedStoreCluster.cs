using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// One store (a SQLite file or a dynalite table) and one set of fakes (Slack, STS, IAM, federation, clock) that any
/// number of <see cref="SlackJitHarness"/> apps share, started, stopped and crashed independently: what several
/// replicas, or a restart, look like. No app runs until a test starts one.
/// </summary>
internal sealed class SharedStoreCluster : IAsyncDisposable
{
    /// <summary>How long a graceful stop waits for in-flight work (the production default is 30 s).</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly List<SlackJitHarness> _hosts = [];
    private readonly LoopbackWorld _world;
    private readonly DynaliteFixture? _dynalite;

    private SharedStoreCluster(StoreKind kind, LoopbackWorld world, DynaliteFixture? dynalite)
    {
        Kind = kind;
        _world = world;
        _dynalite = dynalite;
    }

    public StoreKind Kind { get; }
    public FakeSlackApi Slack => _world.Slack;
    public FakeSts Sts => _world.Sts;
    public FakeFederation Federation => _world.Federation;

    /// <summary>One IAM for every host (as in production): it checks signatures and keeps the role's deny policy.</summary>
    public FakeIam Iam => _world.Iam;
    public FakeTimeProvider Time => _world.Time;
    public string SqlitePath => _world.SqlitePath;
    public string TableName => _world.TableName;

    public static string DmChannel => FakeSlackApi.DmChannelFor(SlackJitHarness.Requester);

    /// <param name="dynalite">Required for <see cref="StoreKind.DynamoDb"/>.</param>
    public static async Task<SharedStoreCluster> StartAsync(StoreKind kind, DynaliteFixture? dynalite = null)
    {
        var world = await LoopbackWorld.StartAsync("slackjit-races-");
        try
        {
            await world.UseStoreAsync(kind, dynalite);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
        return new SharedStoreCluster(kind, world, dynalite);
    }

    /// <summary>
    /// Starts one more app instance on this cluster's store and fakes: its sweeper driven by the test, every log line
    /// captured, per-person limits out of the way (one requester makes every request here), a 5-minute STS timeout (a
    /// slow STS is still in flight when a test crashes the host), then <paramref name="configure"/>.
    /// </summary>
    public async Task<SlackJitHarness> StartHostAsync(string name, Action<HarnessOptions>? configure = null)
    {
        var host = await SlackJitHarness.StartInAsync(_world, ownsWorld: false, options =>
        {
            options.Name = name;
            options.Store = Kind;
            options.Dynalite = _dynalite;
            options.ManualSweeps = true;
            options.CaptureLogsAt = LogLevel.Information;
            options.ShutdownTimeout = DefaultShutdownTimeout;
            options.StsTimeout = TimeSpan.FromMinutes(5);
            options.Settings["Access:MaxPendingPerRequester"] = "100";
            options.Settings["Access:MaxRequestsPerHour"] = "1000";
            // The console stays quiet; every line still reaches the host's Logs.
            options.Settings["Logging:Console:LogLevel:Default"] = "None";
            configure?.Invoke(options);
        });
        lock (_hosts)
        {
            _hosts.Add(host);
        }
        await host.Store.PingAsync(CancellationToken.None);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        SlackJitHarness[] hosts;
        lock (_hosts)
        {
            hosts = [.. _hosts];
        }
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
        await _world.DisposeAsync();
    }
}
