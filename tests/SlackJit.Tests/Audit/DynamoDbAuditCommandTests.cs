using Microsoft.Extensions.DependencyInjection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Audit;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Audit;

/// <summary>The audit commands on DynamoDB (dynalite: the real wire protocol), read through the created-index GSI.</summary>
public sealed class DynamoDbAuditCommandTests(DynaliteFixture dynalite) : AuditCommandContract, IClassFixture<DynaliteFixture>
{
    private readonly string _table = "audit-" + Guid.NewGuid().ToString("N");
    private IAmazonDynamoDB? _client;

    private IAmazonDynamoDB Client => _client ??= dynalite.CreateClient();

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Store:Provider"] = "DynamoDb",
        ["Store:DynamoDb:TableName"] = _table,
    };

    protected override void Configure(IServiceCollection services) => services.AddSingleton(Client);

    protected override async Task<IAccessRequestStore> CreateStoreAsync()
    {
        var store = new DynamoDbAccessRequestStore(
            () => Client, new DynamoDbStoreOptions { TableName = _table, CreateTableIfMissing = true }, NullLogger<DynamoDbAccessRequestStore>.Instance);
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
    public async Task Items_CarryTheirCreationMonth_AsTheAuditIndexPartition()
    {
        var item = (await Client.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new() { [DynamoDbSchema.Pk] = new AttributeValue { S = AuditScenario.Revoked.ToString("D") } },
        }, Ct)).Item;

        Assert.Equal("2026-12", item[DynamoDbSchema.CreatedMonth].S);
    }

    [Fact]
    public async Task Export_TableMissing_OneLineExit1AndNoTableCreated()
    {
        using var output = new MemoryStream();
        var error = new StringWriter();

        int code = await AuditCommandLine.RunAsync(
            ["audit", "export", "--from", "2026-10-01", "--to", "2026-12-31"], output, error, Configure,
            new Dictionary<string, string?>
            {
                ["Store:Provider"] = "DynamoDb",
                ["Store:DynamoDb:TableName"] = "no-such-table",
                ["Store:DynamoDb:CreateTableIfMissing"] = "true",
            }, Ct);

        Assert.DoesNotContain("no-such-table", (await Client.ListTablesAsync(Ct)).TableNames);
        Assert.Equal(AuditCommandLine.StoreFailed, code);
        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains("no-such-table", line, StringComparison.Ordinal);
        Assert.Contains("not found", line, StringComparison.Ordinal);
    }
}
