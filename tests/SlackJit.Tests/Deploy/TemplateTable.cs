using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SlackJit.Tests.Deploy;

/// <summary>
/// The DynamoDB table a template defines, read as DynamoDB would create it: its key schema, attribute
/// definitions and indexes become a <see cref="CreateTableRequest"/> (the name is the caller's), so a test can
/// compare it with the code's schema or create it on dynalite.
/// </summary>
internal static class TemplateTable
{
    public const string ResourceType = "AWS::DynamoDB::Table";

    /// <summary>Every template under deploy/ that defines a table, with that table's properties.</summary>
    public static IEnumerable<(CloudFormationTemplate Template, JsonObject Properties)> All() =>
        CloudFormationTemplate.All().SelectMany(t => t.ResourcesOfType(ResourceType)
            .Select(r => (t, r.Value["Properties"]?.AsObject() ?? throw new InvalidOperationException($"{t.RelativePath}: {r.Key} has no Properties."))));

    public static JsonObject From(string relativePath) =>
        All().Single(t => t.Template.RelativePath == relativePath).Properties;

    public static CreateTableRequest ToCreateTableRequest(JsonObject properties, string tableName) => new()
    {
        TableName = tableName,
        BillingMode = new BillingMode(Text(properties["BillingMode"])),
        AttributeDefinitions = Items(properties["AttributeDefinitions"])
            .Select(a => new AttributeDefinition(Text(a["AttributeName"]), new ScalarAttributeType(Text(a["AttributeType"])))).ToList(),
        KeySchema = Keys(properties["KeySchema"]),
        GlobalSecondaryIndexes = properties["GlobalSecondaryIndexes"] is null ? null : Items(properties["GlobalSecondaryIndexes"])
            .Select(i => new GlobalSecondaryIndex
            {
                IndexName = Text(i["IndexName"]),
                KeySchema = Keys(i["KeySchema"]),
                Projection = new Projection
                {
                    ProjectionType = new ProjectionType(Text(i["Projection"]?["ProjectionType"])),
                    NonKeyAttributes = i["Projection"]?["NonKeyAttributes"] is JsonArray extra ? extra.Select(Text).ToList() : null,
                },
            }).ToList(),
    };

    /// <summary>One comparable line per part of a table definition, names in order, e.g. <c>index dueAt-index: dueShard HASH, dueAt RANGE; ALL</c>.</summary>
    public static IReadOnlyList<string> Describe(CreateTableRequest table) =>
    [
        "key: " + Describe(table.KeySchema),
        "attributes: " + string.Join(", ", table.AttributeDefinitions.Select(a => $"{a.AttributeName} {a.AttributeType.Value}").Order(StringComparer.Ordinal)),
        .. (table.GlobalSecondaryIndexes ?? []).OrderBy(i => i.IndexName, StringComparer.Ordinal).Select(i =>
            $"index {i.IndexName}: {Describe(i.KeySchema)}; {i.Projection.ProjectionType.Value}" +
            (i.Projection.NonKeyAttributes is { Count: > 0 } extra ? " " + string.Join(",", extra) : "")),
    ];

    private static string Describe(List<KeySchemaElement> keys) => string.Join(", ", keys.Select(k => $"{k.AttributeName} {k.KeyType.Value}"));

    private static List<KeySchemaElement> Keys(JsonNode? node) =>
        Items(node).Select(k => new KeySchemaElement(Text(k["AttributeName"]), new KeyType(Text(k["KeyType"])))).ToList();

    private static IEnumerable<JsonObject> Items(JsonNode? node) =>
        node is JsonArray array ? array.Select(i => i!.AsObject()) : throw new InvalidOperationException($"Expected a list, got {node?.ToJsonString() ?? "nothing"}.");

    // The schema must be literal: an intrinsic function here would make the table depend on parameters.
    private static string Text(JsonNode? node) =>
        node is JsonValue value ? value.ToString() : throw new InvalidOperationException($"Expected a literal, got {node?.ToJsonString() ?? "nothing"}.");
}
