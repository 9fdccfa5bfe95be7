using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SlackJit.Tests.Storage.DynamoDb;

/// <summary>
/// An item's size as DynamoDB counts it against its 400 KB limit: attribute names plus values (strings in UTF-8,
/// numbers as written), nested lists and maps. Read raw with <c>GetItem</c>, as stored.
/// </summary>
internal static class DynamoDbItemSize
{
    public static int Of(Dictionary<string, AttributeValue> item) =>
        item.Sum(a => System.Text.Encoding.UTF8.GetByteCount(a.Key) + ValueSize(a.Value));

    /// <summary>The stored item of request <paramref name="id"/> in <paramref name="table"/> (a consistent read).</summary>
    public static async Task<Dictionary<string, AttributeValue>> ReadAsync(IAmazonDynamoDB client, string table, Guid id, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { [SlackJit.Storage.DynamoDb.DynamoDbSchema.Pk] = new AttributeValue { S = id.ToString("D") } },
            ConsistentRead = true,
        }, cancellationToken);
        Assert.NotNull(response.Item);
        return response.Item;
    }

    private static int ValueSize(AttributeValue value) =>
        value.S is { } s ? System.Text.Encoding.UTF8.GetByteCount(s)
        : value.N is { } n ? n.Length
        : value.L is { } l ? 3 + l.Sum(v => 1 + ValueSize(v))
        : value.M is { } m ? 3 + Of(m)
        : 1;
}
