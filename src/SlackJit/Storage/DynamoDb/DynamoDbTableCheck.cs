using Amazon.DynamoDBv2.Model;

namespace SlackJit.Storage.DynamoDb;

/// <summary>
/// Compares a live table (DescribeTable) with the schema SlackJit queries (<see cref="DynamoDbSchema"/>): the key,
/// and each index's name, keys and projection. Pure. A table made from another definition (e.g. indexes under
/// other names) would make every query fail, so the store refuses it with one line naming what is missing.
/// </summary>
internal static class DynamoDbTableCheck
{
    public const string Templates = "deploy/cloudformation/slackjit.yaml or deploy/dynamodb-table.json";

    /// <summary>What the table lacks, one phrase each; empty when it serves SlackJit.</summary>
    public static IReadOnlyList<string> Missing(TableDescription table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var expected = DynamoDbSchema.CreateTableRequest(table.TableName ?? "");
        var types = (table.AttributeDefinitions ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType?.Value, StringComparer.Ordinal);
        var wantedTypes = expected.AttributeDefinitions.ToDictionary(a => a.AttributeName, a => (string?)a.AttributeType.Value, StringComparer.Ordinal);
        var missing = new List<string>();

        if (Keys(table.KeySchema, types) != Keys(expected.KeySchema, wantedTypes))
        {
            missing.Add($"key {Keys(expected.KeySchema, wantedTypes)} (it has {Keys(table.KeySchema, types)})");
        }
        var live = (table.GlobalSecondaryIndexes ?? []).ToDictionary(i => i.IndexName, StringComparer.Ordinal);
        foreach (var index in expected.GlobalSecondaryIndexes)
        {
            var wanted = $"{Keys(index.KeySchema, wantedTypes)}, projection {index.Projection.ProjectionType.Value}";
            if (!live.TryGetValue(index.IndexName, out var found))
            {
                missing.Add($"index {index.IndexName} on {wanted}");
                continue;
            }
            var actual = $"{Keys(found.KeySchema, types)}, projection {found.Projection?.ProjectionType?.Value ?? "none"}";
            if (actual != wanted)
            {
                missing.Add($"index {index.IndexName} on {wanted} (it has {actual})");
            }
        }
        return missing;
    }

    /// <summary>The one line an operator reads: the table, what it lacks, and the template to create it from.</summary>
    public static string Describe(string tableName, IReadOnlyList<string> missing) =>
        $"DynamoDB table {tableName} does not match SlackJit's schema: it lacks {string.Join("; ", missing)}. " +
        $"Create the table from {Templates} (Store:DynamoDb:TableName names it)";

    private static string Keys(List<KeySchemaElement>? keys, Dictionary<string, string?> types) => keys is not { Count: > 0 }
        ? "nothing"
        : string.Join(" + ", keys.Select(k => $"{k.AttributeName} {types.GetValueOrDefault(k.AttributeName) ?? "?"} {k.KeyType?.Value}"));
}
