using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// One store (a SQLite file or a dynalite table) and one set of fakes (Slack, STS, federation, clock) that any
/// number of app instances share, started and crashed independently: what several replicas, or a restart, look like.
/// </summary>
internal sealed class SharedStoreCluster : IAsyncDisposable
{
    private readonly List<RaceHost> _hosts = [];
    private readonly DynaliteFixture? _dynalite;

    private readonly LoopbackWorld _world;

    private SharedStoreCluster(StoreKind kind, LoopbackWorld world, DynaliteFixture? dynalite)
    {
        Kind = kind;
        _world = world;
        _dynalite = dynalite;
        TableName = "races-" + Guid.NewGuid().ToString("N");
    }

    public StoreKind Kind { get; }
    public FakeSlackApi Slack => _world.Slack;
    public FakeSts Sts => _world.Sts;
    public FakeFederation Federation => _world.Federation;

    /// <summary>One IAM for every host (as in production): it checks signatures and keeps the role's deny policy.</summary>
    public FakeIam Iam => _world.Iam;
    public FakeTimeProvider Time => _world.Time;
    public string DataDir => _world.DataDir;
    public string SqlitePath => Path.Combine(DataDir, "slackjit.db");
    public string TableName { get; }

    public static string DmChannel => FakeSlackApi.DmChannelFor(SlackJitHarness.Requester);

    /// <param name="dynalite">Required for <see cref="StoreKind.DynamoDb"/>.</param>
    public static async Task<SharedStoreCluster> StartAsync(StoreKind kind, DynaliteFixture? dynalite = null)
    {
        if (kind == StoreKind.DynamoDb && dynalite is null)
        {
            throw new ArgumentNullException(nameof(dynalite), "A DynamoDB cluster needs the dynalite fixture.");
        }

        var cluster = new SharedStoreCluster(kind, await LoopbackWorld.StartAsync("slackjit-races-"), dynalite);

        if (kind == StoreKind.DynamoDb)
        {
            // Ready before any host starts, so hosts only find it (as replicas do in production), and made from the
            // stack template's own definition: the flows here run on the table an operator deploys.
            using var client = dynalite!.CreateClient();
            await client.CreateTableAsync(Deploy.TemplateTable.ToCreateTableRequest(
                Deploy.TemplateTable.From("deploy/cloudformation/slackjit.yaml"), cluster.TableName));
            using var setup = new DynamoDbAccessRequestStore(
                () => client, new DynamoDbStoreOptions { TableName = cluster.TableName, CreateTableIfMissing = false },
                NullLogger<DynamoDbAccessRequestStore>.Instance);
            await setup.InitializeAsync(CancellationToken.None);
        }
        return cluster;
    }

    /// <summary>The settings every host gets: the harness's catalog (analytics, one approval) and this cluster's store.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = _world.Settings();
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            // One requester makes every request here; the per-person limits are not what these tests are about.
            ["Access:MaxPendingPerRequester"] = "100",
            ["Access:MaxRequestsPerHour"] = "1000",
            // The console stays quiet; every line still reaches each host's FakeLoggerProvider.
            ["Logging:Console:LogLevel:Default"] = "None",
            ["Logging:LogLevel:Default"] = "Information",
            // Tests drive every sweep themselves, host by host.
            ["Lifecycle:SweeperEnabled"] = "false",
        })
        {
            settings[key] = value;
        }
        if (Kind == StoreKind.Sqlite)
        {
            settings["Store:Provider"] = "Sqlite";
            settings["Store:Sqlite:Path"] = SqlitePath;
        }
        else
        {
            settings["Store:Provider"] = "DynamoDb";
            settings["Store:DynamoDb:TableName"] = TableName;
        }
        return settings;
    }

    /// <summary>A DynamoDB client for one host, cut off when that host crashes.</summary>
    public IAmazonDynamoDB DynamoDbClient(CrashSwitch crash) => new AmazonDynamoDBClient(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig
        {
            RegionEndpoint = Amazon.RegionEndpoint.USEast1,
            ServiceURL = _dynalite!.ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            Timeout = TimeSpan.FromSeconds(10),
            HttpClientFactory = new CrashableAwsHttpClientFactory(crash),
        });

    /// <summary>Starts one more app instance on this cluster's store and fakes.</summary>
    public async Task<RaceHost> StartHostAsync(string name, Action<HarnessOptions>? configure = null)
    {
        var host = await RaceHost.StartAsync(this, name, configure);
        lock (_hosts)
        {
            _hosts.Add(host);
        }
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        RaceHost[] hosts;
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
