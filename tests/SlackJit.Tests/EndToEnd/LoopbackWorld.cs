using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Deploy;
using SlackJit.Tests.Fakes.Aws;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.EndToEnd;

/// <summary>
/// Everything outside the app that the whole-app tests share: one clock, the loopback fakes of Slack, STS, IAM and
/// the federation endpoint (with the harness's channel and people), one store (a SQLite file or a dynalite table),
/// and the settings that point an app at them. A <see cref="SlackJitHarness"/> runs an app in it; its replicas, or
/// the same app after a restart, run in the same world.
/// </summary>
internal sealed class LoopbackWorld : IAsyncDisposable
{
    private LoopbackWorld(FakeTimeProvider time, FakeSlackApi slack, FakeSts sts, FakeFederation federation, FakeIam iam, string dataDir)
    {
        Time = time;
        Slack = slack;
        Sts = sts;
        Federation = federation;
        Iam = iam;
        DataDir = dataDir;
    }

    public FakeTimeProvider Time { get; }
    public FakeSlackApi Slack { get; }
    public FakeSts Sts { get; }
    public FakeFederation Federation { get; }

    /// <summary>IAM for early revocation: checks every call's signature; the read-only role is <c>slackjit-read</c>.</summary>
    public FakeIam Iam { get; }

    /// <summary>Folder for this run's SQLite database (deleted on dispose; not created until a store needs it).</summary>
    public string DataDir { get; }

    public string SqlitePath => Path.Combine(DataDir, "slackjit.db");

    /// <summary>The store every app of this world runs on; set by the first app that starts.</summary>
    public StoreKind? Store { get; private set; }

    /// <summary>The DynamoDB table of a <see cref="StoreKind.DynamoDb"/> world.</summary>
    public string TableName { get; private set; } = "e2e-" + Guid.NewGuid().ToString("N");

    public DynaliteFixture? Dynalite { get; private set; }

    /// <param name="folderPrefix">Names the temp folder after the tests using it.</param>
    public static async Task<LoopbackWorld> StartAsync(string folderPrefix)
    {
        var time = new FakeTimeProvider(SlackJitHarness.Start);
        var slack = await FakeSlackApi.StartAsync();
        var sts = await FakeSts.StartAsync(time);
        var federation = await FakeFederation.StartAsync();
        var iam = await FakeIam.StartAsync(SlackJitHarness.RoleName);
        var dataDir = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N"));

        slack.AddChannel(SlackJitHarness.ApproverChannel);
        foreach (var user in new[] { SlackJitHarness.Requester, SlackJitHarness.Approver, SlackJitHarness.SecondApprover, SlackJitHarness.Outsider, SlackJitHarness.GroupApprover })
        {
            slack.AddUser(user);
        }
        slack.AddUser(SlackJitHarness.Guest, isRestricted: true);
        slack.AddUserGroup(SlackJitHarness.ApproverGroup, SlackJitHarness.GroupApprover);
        return new LoopbackWorld(time, slack, sts, federation, iam, dataDir);
    }

    /// <summary>The settings every app here gets: the fakes, and the catalog (<see cref="CatalogSettings"/>).</summary>
    public Dictionary<string, string?> Settings(bool withCatalog = true)
    {
        var settings = new Dictionary<string, string?>(Slack.Settings())
        {
            ["Slack:SigningSecret"] = SlackJitHarness.SigningSecret,
            ["Slack:ApproverChannel"] = SlackJitHarness.ApproverChannel,
            ["Slack:VerifyTokenOnStart"] = "false",
            ["Aws:RoleArn"] = SlackJitHarness.RoleArn,
            ["Aws:SigninUrl"] = Federation.SigninUrl,
            ["Access:RequireReason"] = "true",
            ["Access:PendingTimeout"] = "01:00:00",
        };
        foreach (var (key, value) in withCatalog ? CatalogSettings : [])
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>
    /// <c>analytics</c> (bucket <c>analytics-prod</c>, approvers <see cref="SlackJitHarness.Approver"/>,
    /// <see cref="SlackJitHarness.SecondApprover"/> and the group <see cref="SlackJitHarness.ApproverGroup"/>, max 4 h) and
    /// <c>finance</c> (<c>finance-data/reports/</c>, 2 approvals, max 2 h).
    /// </summary>
    private static readonly Dictionary<string, string?> CatalogSettings = new()
    {
        ["Access:Resources:0:Name"] = "analytics",
        ["Access:Resources:0:Bucket"] = "analytics-prod",
        ["Access:Resources:0:MaxDuration"] = "04:00:00",
        ["Access:Resources:0:Approvers:0"] = SlackJitHarness.Approver,
        ["Access:Resources:0:Approvers:1"] = SlackJitHarness.SecondApprover,
        ["Access:Resources:0:Approvers:2"] = SlackJitHarness.ApproverGroup,
        ["Access:Resources:1:Name"] = "finance",
        ["Access:Resources:1:Bucket"] = "finance-data",
        ["Access:Resources:1:Prefix"] = "reports/",
        ["Access:Resources:1:MaxDuration"] = "02:00:00",
        ["Access:Resources:1:RequiredApprovals"] = "2",
        ["Access:Resources:1:Approvers:0"] = SlackJitHarness.Approver,
        ["Access:Resources:1:Approvers:1"] = SlackJitHarness.SecondApprover,
    };

    /// <summary>
    /// Puts this world on <paramref name="kind"/> before its first app starts: for DynamoDB a fresh table made from the
    /// stack template's own definition, so the flows run on the table an operator deploys and every app only finds it
    /// (as replicas do in production), named <paramref name="tableName"/> when given. Later calls must name the same
    /// store; they share the first call's table.
    /// </summary>
    public async Task UseStoreAsync(StoreKind kind, DynaliteFixture? dynalite, string? tableName = null)
    {
        if (Store is { } chosen)
        {
            if (chosen != kind)
            {
                throw new InvalidOperationException($"This world already runs on {chosen}; every app in it shares that store.");
            }
            return;
        }
        if (kind == StoreKind.DynamoDb)
        {
            Dynalite = dynalite ?? throw new ArgumentNullException(nameof(dynalite), "A DynamoDB store needs the dynalite fixture.");
            TableName = tableName ?? TableName;
            using var client = dynalite.CreateClient();
            await client.CreateTableAsync(TemplateTable.ToCreateTableRequest(TemplateTable.From("deploy/cloudformation/slackjit.yaml"), TableName));
            using var setup = new DynamoDbAccessRequestStore(
                () => client, new DynamoDbStoreOptions { TableName = TableName, CreateTableIfMissing = false },
                NullLogger<DynamoDbAccessRequestStore>.Instance);
            await setup.InitializeAsync(CancellationToken.None);
        }
        Store = kind;
    }

    /// <summary>The settings that put an app on this world's store.</summary>
    public Dictionary<string, string?> StoreSettings() => Store == StoreKind.DynamoDb
        ? new() { ["Store:Provider"] = "DynamoDb", ["Store:DynamoDb:TableName"] = TableName }
        : new() { ["Store:Provider"] = "Sqlite", ["Store:Sqlite:Path"] = SqlitePath };

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Sts.DisposeAsync();
        await Federation.DisposeAsync();
        await Iam.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing made it (a DynamoDB run).
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
