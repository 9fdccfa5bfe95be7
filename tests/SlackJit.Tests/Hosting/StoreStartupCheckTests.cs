using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlackJit.Hosting;
using SlackJit.Storage;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Hosting;

/// <summary>Start-up on DynamoDB (dynalite): a table SlackJit cannot query stops the app with one line.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class StoreStartupCheckTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    [Fact]
    public async Task Start_TableWithTheOldTemplatesIndexes_RefusesWithOneLineNamingTheIndexesAndTheTemplate()
    {
        var table = "old-" + Guid.NewGuid().ToString("N");
        using var client = dynalite.CreateClient();
        // The table deploy/cloudformation/slackjit.yaml used to create: indexes "due" and "requester" on "requester".
        var old = DynamoDbSchema.CreateTableRequest(table);
        old.AttributeDefinitions.Single(a => a.AttributeName == DynamoDbSchema.RequesterKey).AttributeName = "requester";
        old.GlobalSecondaryIndexes[0].IndexName = "due";
        old.GlobalSecondaryIndexes[1].IndexName = "requester";
        old.GlobalSecondaryIndexes[1].KeySchema[0].AttributeName = "requester";
        await client.CreateTableAsync(old);

        var (exitCode, lines) = await RunAsync(table, client);

        Assert.Equal(1, exitCode);
        Assert.Equal(2, lines.Count);
        Assert.Equal("SlackJit cannot start; fix these settings:", lines[0]);
        Assert.StartsWith($"  - DynamoDB table {table} does not match SlackJit's schema: it lacks index dueAt-index on dueShard S HASH + dueAt N RANGE, projection ALL; index requester-index on requesterKey S HASH", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("Create the table from deploy/cloudformation/slackjit.yaml or deploy/dynamodb-table.json (Store:DynamoDb:TableName names it)", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TableMissing_RefusesWithOneLineNamingTheTableAndTheTemplate()
    {
        using var client = dynalite.CreateClient();

        var (exitCode, lines) = await RunAsync("no-such-table", client);

        Assert.Equal(1, exitCode);
        Assert.Equal(2, lines.Count);
        Assert.Contains("no-such-table", lines[1], StringComparison.Ordinal);
        Assert.Contains("table not found", lines[1], StringComparison.Ordinal);
        Assert.Contains(DynamoDbTableCheck.Templates, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TableFromTheStackTemplate_StartsAndServes()
    {
        var table = "stack-" + Guid.NewGuid().ToString("N");
        using var client = dynalite.CreateClient();
        await client.CreateTableAsync(Deploy.TemplateTable.ToCreateTableRequest(
            Deploy.TemplateTable.From("deploy/cloudformation/slackjit.yaml"), table));
        await using var app = Build(table, client);

        await app.StartAsync();
        await app.Services.GetRequiredService<IAccessRequestStore>().PingAsync(CancellationToken.None);
        await app.StopAsync();
    }

    private static WebApplication Build(string table, IAmazonDynamoDB client)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "DynamoDb",
            ["Store:DynamoDb:TableName"] = table,
        });
        builder.Services.AddSingleton(client);
        builder.AddStore();
        builder.AddStartupChecks();
        return builder.Build();
    }

    private static async Task<(int ExitCode, List<string> Lines)> RunAsync(string table, IAmazonDynamoDB client)
    {
        await using var app = Build(table, client);
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exitCode = await app.RunOrExplainAsync();
            return (exitCode, error.ToString().TrimEnd().ReplaceLineEndings("\n").Split('\n').ToList());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
