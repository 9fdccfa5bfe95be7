using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SlackJit.Storage.DynamoDb;
using SlackJit.Tests.Fakes.Aws;

namespace SlackJit.Tests.Storage.DynamoDb;

public sealed class DynamoDbTableCheckTests
{
    [Fact]
    public void Missing_TheCodesOwnDefinition_IsNothing()
    {
        Assert.Empty(DynamoDbTableCheck.Missing(DynamoDbTableStub.Described(DynamoDbSchema.CreateTableRequest("t"))));
    }

    [Fact]
    public void Missing_OtherKeyAndProjection_NamesWhatItHasInstead()
    {
        var definition = DynamoDbSchema.CreateTableRequest("t");
        definition.KeySchema = [new KeySchemaElement("id", KeyType.HASH)];
        definition.AttributeDefinitions.Add(new AttributeDefinition("id", ScalarAttributeType.S));
        definition.GlobalSecondaryIndexes[0].Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY };

        var missing = DynamoDbTableCheck.Missing(DynamoDbTableStub.Described(definition));

        Assert.Equal(
        [
            "key pk S HASH (it has id S HASH)",
            "index dueAt-index on dueShard S HASH + dueAt N RANGE, projection ALL (it has dueShard S HASH + dueAt N RANGE, projection KEYS_ONLY)",
        ], missing);
    }
}
