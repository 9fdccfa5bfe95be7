using Amazon.DynamoDBv2.Model;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Deploy;

namespace SlackJit.Tests.Storage.DynamoDb;

/// <summary>Every template under deploy/ that defines the requests table must define the table the adapter creates and queries.</summary>
public sealed class DynamoDbTableDefinitionTests
{
    private static readonly CreateTableRequest Expected = DynamoDbSchema.CreateTableRequest("any");

    public static TheoryData<string> Templates() => new(TemplatePaths());

    private static string[] TemplatePaths() =>
        [.. TemplateTable.All().Select(t => t.Template.RelativePath).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public void Templates_UnderDeploy_AreFoundInBothFormats()
    {
        // Guards the theories below: a loader that found nothing would make them pass vacuously.
        Assert.Equal(["deploy/cloudformation/slackjit.yaml", "deploy/dynamodb-table.json"], TemplatePaths());
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_KeySchemaAttributesAndIndexes_MatchTheAdapter(string template)
    {
        var defined = TemplateTable.ToCreateTableRequest(TemplateTable.From(template), "any");

        Assert.Equal(TemplateTable.Describe(Expected), TemplateTable.Describe(defined));
        Assert.Equal(Expected.BillingMode.Value, defined.BillingMode.Value);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_QueriedIndexes_AreDefinedOnTheQueriedAttributes(string template)
    {
        var indexes = TemplateTable.ToCreateTableRequest(TemplateTable.From(template), "any").GlobalSecondaryIndexes
            .ToDictionary(i => i.IndexName, i => string.Join(",", i.KeySchema.Select(k => k.AttributeName)));

        Assert.Equal($"{DynamoDbSchema.DueShard},{DynamoDbSchema.DueAt}", indexes.GetValueOrDefault(DynamoDbSchema.DueIndex));
        Assert.Equal($"{DynamoDbSchema.RequesterKey},{DynamoDbSchema.CreatedAt}", indexes.GetValueOrDefault(DynamoDbSchema.RequesterIndex));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_RetentionAndRecovery_AreOn(string template)
    {
        var table = TemplateTable.From(template);

        Assert.Equal(DynamoDbSchema.ExpiresAt, (string?)table["TimeToLiveSpecification"]?["AttributeName"]);
        Assert.True((bool?)table["TimeToLiveSpecification"]?["Enabled"]);
        Assert.True((bool?)table["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"]);
    }
}
