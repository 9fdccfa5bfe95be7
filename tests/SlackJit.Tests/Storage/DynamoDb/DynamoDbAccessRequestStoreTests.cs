using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Fakes.Net;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage.DynamoDb;

/// <summary>The store contract against dynalite (real DynamoDB wire protocol), plus DynamoDB-only checks.</summary>
public sealed partial class DynamoDbAccessRequestStoreTests(DynaliteFixture dynalite)
    : AccessRequestStoreContract, IClassFixture<DynaliteFixture>
{
    // A table per test: every test starts from an empty store.
    private readonly string _table = "requests-" + Guid.NewGuid().ToString("N");
    private IAmazonDynamoDB? _client;

    private IAmazonDynamoDB Client => _client ?? throw new InvalidOperationException("Client not created.");

    protected override async Task<IAccessRequestStore> CreateStoreAsync()
    {
        _client = dynalite.CreateClient();
        var store = NewStore(_client, _table, createTable: true);
        await store.InitializeAsync(Ct);
        return store;
    }

    protected override async Task DisposeStoreAsync(IAccessRequestStore store)
    {
        ((IDisposable)store).Dispose();
        await Client.DeleteTableAsync(_table, Ct);
        Client.Dispose();
    }

    [Fact]
    public async Task ApplyAsync_Transition_AppendsTheEventToTheListInsideTheItem()
    {
        var created = Pending();
        await Store.CreateAsync(created, Ct);
        int before = (await RawItemAsync(created.Id))[DynamoDbSchema.Events].L.Count;
        var approve = Approve(created, "U0APPROVER", T0.AddMinutes(1));

        await Store.ApplyAsync(approve, Ct);

        var item = await RawItemAsync(created.Id);
        var events = item[DynamoDbSchema.Events].L;
        Assert.Equal(before + 1, events.Count);
        // The trail lives only in the list, not duplicated into the JSON document.
        Assert.DoesNotContain("\"events\"", item[DynamoDbSchema.Doc].S, StringComparison.Ordinal);
        Assert.Equal("approved", events[^1].M["action"].S);
        Assert.Equal("U0APPROVER", events[^1].M["actor"].S);
    }

    [Fact]
    public async Task ApplyAsync_DueAtCleared_RemovesTheSparseIndexKeys()
    {
        var created = Pending(dueAt: T0.AddHours(1));
        await Store.CreateAsync(created, Ct);
        var item = await RawItemAsync(created.Id);
        Assert.Equal(DynamoDbSchema.DueShardValue, item[DynamoDbSchema.DueShard].S);
        Assert.Equal(T0.AddHours(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item[DynamoDbSchema.DueAt].N);
        Assert.Equal(created.ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item[DynamoDbSchema.ExpiresAt].N);

        await Store.ApplyAsync(Approve(created, "U0APPROVER", T0.AddMinutes(1), dueAt: null), Ct);

        item = await RawItemAsync(created.Id);
        Assert.False(item.ContainsKey(DynamoDbSchema.DueShard));
        Assert.False(item.ContainsKey(DynamoDbSchema.DueAt));
        Assert.Equal("1", item[DynamoDbSchema.VersionAttribute].N);
        Assert.Equal(nameof(RequestStatus.Approved), item[DynamoDbSchema.Status].S);
    }

    [Fact]
    public async Task InitializeAsync_TableAlreadyExists_Succeeds()
    {
        using var second = NewStore(Client, _table, createTable: true);

        await second.InitializeAsync(Ct);

        Assert.Null(await second.GetAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task GetAsync_TableMissing_ThrowsStoreUnavailableNamingTheTable()
    {
        using var store = NewStore(Client, "no-such-table", createTable: false);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(Guid.NewGuid(), Ct));

        Assert.Contains("no-such-table", failure.Message, StringComparison.Ordinal);
        Assert.Contains("not found", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_NothingListening_ThrowsStoreUnavailableWithoutSecrets()
    {
        const string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("AKIDEXAMPLE", secret),
            new AmazonDynamoDBConfig
            {
                RegionEndpoint = RegionEndpoint.USEast1,
                ServiceURL = LoopbackPorts.ClosedUrl(),
                AuthenticationRegion = "us-east-1",
                Timeout = TimeSpan.FromSeconds(2),
                MaxErrorRetry = 0,
            });
        using var store = NewStore(client, _table, createTable: false);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync(Ct));

        Assert.Contains(_table, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDEXAMPLE", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_ServerNeverAnswers_ThrowsStoreUnavailableAfterTheTimeout()
    {
        // Accepts connections and never answers: only the client's Timeout ends the call.
        using var silent = new SilentPort();
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig
            {
                RegionEndpoint = RegionEndpoint.USEast1,
                ServiceURL = silent.Url,
                AuthenticationRegion = "us-east-1",
                Timeout = TimeSpan.FromSeconds(1),
                MaxErrorRetry = 0,
            });
        using var store = NewStore(client, _table, createTable: false);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync(Ct));

        Assert.Contains("timed out", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_ClientCannotBeBuilt_ThrowsStoreUnavailableWithTheSdkReason()
    {
        using var store = new DynamoDbAccessRequestStore(
            () => throw new AmazonClientException("No RegionEndpoint or ServiceURL configured"),
            new DynamoDbStoreOptions { TableName = _table },
            NullLogger<DynamoDbAccessRequestStore>.Instance);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync(Ct));

        Assert.Contains("No RegionEndpoint or ServiceURL configured", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_TenThousandRefusedClicksAndAThousandReschedules_TheItemStaysUnder50KB()
    {
        // 11,000 writes in a row: longer than the contract's one-minute bound on a busy machine.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var ct = patience.Token;
        var current = Pending();
        var createdVersion = current.Version;
        await Store.CreateAsync(current, ct);
        string[] actors = ["U0OUTSIDER", "U0REQUESTER", "U0LATECOMER"];
        for (var i = 0; i < 10_000; i++)
        {
            var action = i % 2 == 0 ? AuditActions.ApproveRefused : AuditActions.DenyRefused;
            var applied = await Store.ApplyAsync(Transitions.RecordRefusedClick(current, actors[i % 3], action, "NotAnApprover", T0.AddSeconds(i)), ct);
            current = Assert.IsType<AccessRequest>(applied.Current);
        }

        // The sweeper moving a due time nothing can act on, again and again: a reschedule appends no event.
        for (var i = 0; i < 1_000; i++)
        {
            var applied = await Store.ApplyAsync(Transitions.Reschedule(current, T0.AddHours(3).AddMinutes(i), T0.AddHours(3)), ct);
            current = Assert.IsType<AccessRequest>(applied.Current);
        }

        var item = await RawItemAsync(current.Id);
        var size = DynamoDbItemSize.Of(item);
        Assert.True(size < 50_000, $"{size} bytes");
        var stored = (await Store.GetAsync(current.Id, ct))!;
        Assert.Equal(10_000, stored.RefusedClicks.Values.Sum());
        Assert.Equal(6, stored.Events.Count(e => e.Action is AuditActions.ApproveRefused or AuditActions.DenyRefused));
        Assert.Equal(createdVersion + 11_000, stored.Version);
        Assert.Equal(T0.AddHours(3).AddMinutes(999), stored.DueAt);
    }

    private static DynamoDbAccessRequestStore NewStore(IAmazonDynamoDB client, string table, bool createTable) => new(
        () => client,
        new DynamoDbStoreOptions { TableName = table, CreateTableIfMissing = createTable },
        NullLogger<DynamoDbAccessRequestStore>.Instance);

    private Task<Dictionary<string, AttributeValue>> RawItemAsync(Guid id) => DynamoDbItemSize.ReadAsync(Client, _table, id, Ct);

}
