using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using SlackJit.Storage.DynamoDb;

namespace SlackJit.Tests.Storage;

/// <summary>deploy/dynamodb-table.json must describe the table the adapter creates and queries.</summary>
public sealed class DynamoDbTableDefinitionTests
{
    private static readonly CreateTableRequest Expected = DynamoDbSchema.CreateTableRequest("any");

    private static JsonElement Table()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "deploy", "dynamodb-table.json"));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Resources").GetProperty("RequestsTable").GetProperty("Properties").Clone();
    }

    [Fact]
    public void DeployDefinition_KeysAndAttributes_MatchTheAdapter()
    {
        var table = Table();

        Assert.Equal(Expected.BillingMode.Value, table.GetProperty("BillingMode").GetString());
        Assert.Equal(
            Expected.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(),
            table.GetProperty("AttributeDefinitions").EnumerateArray()
                .Select(a => $"{a.GetProperty("AttributeName").GetString()}:{a.GetProperty("AttributeType").GetString()}").Order());
        Assert.Equal(Keys(Expected.KeySchema), Keys(table.GetProperty("KeySchema")));
    }

    [Fact]
    public void DeployDefinition_Indexes_MatchTheAdapter()
    {
        var indexes = Table().GetProperty("GlobalSecondaryIndexes").EnumerateArray()
            .ToDictionary(i => i.GetProperty("IndexName").GetString()!);

        Assert.Equal(Expected.GlobalSecondaryIndexes.Select(i => i.IndexName).Order(), indexes.Keys.Order());
        foreach (var index in Expected.GlobalSecondaryIndexes)
        {
            Assert.Equal(Keys(index.KeySchema), Keys(indexes[index.IndexName].GetProperty("KeySchema")));
            Assert.Equal(index.Projection.ProjectionType.Value,
                indexes[index.IndexName].GetProperty("Projection").GetProperty("ProjectionType").GetString());
        }
    }

    [Fact]
    public void DeployDefinition_RetentionAndRecovery_AreOn()
    {
        var table = Table();

        var ttl = table.GetProperty("TimeToLiveSpecification");
        Assert.Equal(DynamoDbSchema.ExpiresAt, ttl.GetProperty("AttributeName").GetString());
        Assert.True(ttl.GetProperty("Enabled").GetBoolean());
        Assert.True(table.GetProperty("PointInTimeRecoverySpecification").GetProperty("PointInTimeRecoveryEnabled").GetBoolean());
    }

    private static List<string> Keys(List<KeySchemaElement> keys) =>
        keys.Select(k => $"{k.AttributeName}:{k.KeyType.Value}").ToList();

    private static List<string> Keys(JsonElement keys) =>
        keys.EnumerateArray().Select(k => $"{k.GetProperty("AttributeName").GetString()}:{k.GetProperty("KeyType").GetString()}").ToList();
}
