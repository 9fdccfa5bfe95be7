namespace SlackJit.Storage;

/// <summary>The <c>Store</c> section (docs/CONFIGURATION.md).</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary><c>Sqlite</c> (default, embedded, one instance) or <c>DynamoDb</c> (many replicas).</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    public SqliteStoreOptions Sqlite { get; set; } = new();
    public DynamoDbStoreOptions DynamoDb { get; set; } = new();
}

public enum StoreProvider
{
    Sqlite,
    DynamoDb,
}

public sealed class SqliteStoreOptions
{
    public const string DefaultPath = "data/slackjit.db";

    /// <summary>Database file; its folder is created. Default <c>data/slackjit.db</c>.</summary>
    public string Path { get; set; } = DefaultPath;
}

public sealed class DynamoDbStoreOptions
{
    public const string DefaultTableName = "slackjit-requests";

    /// <summary>Table name. Default <c>slackjit-requests</c>.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>Create the table and its indexes at start-up (local development). Default false.</summary>
    public bool CreateTableIfMissing { get; set; }

    /// <summary>Timeout of one DynamoDB call. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
