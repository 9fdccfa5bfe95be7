using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Deploy;

namespace SlackJit.Tests.Storage.DynamoDb;

/// <summary>
/// The store contract on a table created from a deploy template's own definition (not from
/// <c>CreateTableIfMissing</c>): what an operator deploys is what the adapter is proven against.
/// </summary>
public abstract class DynamoDbTemplateTableStoreTests(DynaliteFixture dynalite, string template)
    : AccessRequestStoreContract, IClassFixture<DynaliteFixture>
{
    private readonly string _table = "template-" + Guid.NewGuid().ToString("N");
    private IAmazonDynamoDB? _client;

    protected override async Task<IAccessRequestStore> CreateStoreAsync()
    {
        _client = dynalite.CreateClient();
        await _client.CreateTableAsync(TemplateTable.ToCreateTableRequest(TemplateTable.From(template), _table), Ct);
        var store = new DynamoDbAccessRequestStore(
            () => _client,
            new DynamoDbStoreOptions { TableName = _table, CreateTableIfMissing = false },
            NullLogger<DynamoDbAccessRequestStore>.Instance);
        await store.InitializeAsync(Ct);
        return store;
    }

    protected override async Task DisposeStoreAsync(IAccessRequestStore store)
    {
        ((IDisposable)store).Dispose();
        await _client!.DeleteTableAsync(_table, Ct);
        _client.Dispose();
    }
}

/// <summary>The contract on the table of deploy/cloudformation/slackjit.yaml (the whole stack).</summary>
public sealed class DynamoDbStackTemplateStoreTests(DynaliteFixture dynalite)
    : DynamoDbTemplateTableStoreTests(dynalite, "deploy/cloudformation/slackjit.yaml");

/// <summary>The contract on the table of deploy/dynamodb-table.json (the table alone).</summary>
public sealed class DynamoDbTableTemplateStoreTests(DynaliteFixture dynalite)
    : DynamoDbTemplateTableStoreTests(dynalite, "deploy/dynamodb-table.json");
