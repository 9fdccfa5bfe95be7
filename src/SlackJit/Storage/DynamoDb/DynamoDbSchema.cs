using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SlackJit.Storage.DynamoDb;

/// <summary>
/// The table's attribute and index names, and its definition for <c>CreateTableIfMissing</c>.
/// deploy/dynamodb-table.json and deploy/cloudformation/slackjit.yaml hold the same definition for production (tests keep
/// them equal, and the store checks a live table against it before it serves: DynamoDbTableCheck).
/// </summary>
internal static class DynamoDbSchema
{
    public const string Pk = "pk";
    public const string Status = "status";
    public const string VersionAttribute = "version";
    public const string RequesterKey = "requesterKey";

    /// <summary>Epoch milliseconds.</summary>
    public const string CreatedAt = "createdAt";

    /// <summary>
    /// The UTC month of <see cref="CreatedAt"/> (<c>yyyy-MM</c>): the partition of the audit index, so a period is
    /// read month by month with Queries, never a Scan.
    /// </summary>
    public const string CreatedMonth = "createdMonth";

    /// <summary>Present only while something is due (sparse index key).</summary>
    public const string DueShard = "dueShard";

    /// <summary>Epoch milliseconds; present only while something is due.</summary>
    public const string DueAt = "dueAt";

    /// <summary>Epoch seconds: the TTL attribute.</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>The record as JSON, without its audit trail.</summary>
    public const string Doc = "doc";

    /// <summary>The audit trail: a list of maps, appended with <c>list_append</c>.</summary>
    public const string Events = "events";

    public const string DueIndex = "dueAt-index";
    public const string RequesterIndex = "requester-index";
    public const string CreatedIndex = "created-index";

    // One partition holds everything due. Due items are few (pending, issuing, active grants) and
    // leave the index as they finish, so a single shard is far below a partition's limits.
    public const string DueShardValue = "due";

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new() { AttributeName = Pk, AttributeType = ScalarAttributeType.S },
            new() { AttributeName = DueShard, AttributeType = ScalarAttributeType.S },
            new() { AttributeName = DueAt, AttributeType = ScalarAttributeType.N },
            new() { AttributeName = RequesterKey, AttributeType = ScalarAttributeType.S },
            new() { AttributeName = CreatedAt, AttributeType = ScalarAttributeType.N },
            new() { AttributeName = CreatedMonth, AttributeType = ScalarAttributeType.S },
        ],
        KeySchema = [new() { AttributeName = Pk, KeyType = KeyType.HASH }],
        GlobalSecondaryIndexes =
        [
            Index(DueIndex, DueShard, DueAt),
            Index(RequesterIndex, RequesterKey, CreatedAt),
            Index(CreatedIndex, CreatedMonth, CreatedAt),
        ],
    };

    /// <summary>The <see cref="CreatedMonth"/> value of an instant.</summary>
    public static string MonthOf(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    // ALL projection: the queries return whole records, so no second read per item.
    private static GlobalSecondaryIndex Index(string name, string hash, string range) => new()
    {
        IndexName = name,
        KeySchema =
        [
            new() { AttributeName = hash, KeyType = KeyType.HASH },
            new() { AttributeName = range, KeyType = KeyType.RANGE },
        ],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };
}
