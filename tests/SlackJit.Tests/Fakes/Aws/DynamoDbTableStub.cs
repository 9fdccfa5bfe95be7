using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NSubstitute;
using SlackJit.Storage.DynamoDb;

namespace SlackJit.Tests.Fakes.Aws;

/// <summary>Makes a substitute DynamoDB client describe <paramref name="tableName"/> as SlackJit's table, ACTIVE.</summary>
internal static class DynamoDbTableStub
{
    public static IAmazonDynamoDB DescribesTheSchema(this IAmazonDynamoDB client, string tableName)
    {
        client.DescribeTableAsync(Arg.Any<DescribeTableRequest>(), Arg.Any<CancellationToken>())
            .Returns(new DescribeTableResponse { Table = Described(DynamoDbSchema.CreateTableRequest(tableName)) });
        return client;
    }

    /// <summary>What DescribeTable answers for a table created from <paramref name="definition"/>, once ACTIVE.</summary>
    public static TableDescription Described(CreateTableRequest definition) => new()
    {
        TableName = definition.TableName,
        TableStatus = TableStatus.ACTIVE,
        KeySchema = definition.KeySchema,
        AttributeDefinitions = definition.AttributeDefinitions,
        GlobalSecondaryIndexes = definition.GlobalSecondaryIndexes?.Select(i => new GlobalSecondaryIndexDescription
        {
            IndexName = i.IndexName,
            KeySchema = i.KeySchema,
            Projection = i.Projection,
            IndexStatus = IndexStatus.ACTIVE,
        }).ToList(),
    };
}
