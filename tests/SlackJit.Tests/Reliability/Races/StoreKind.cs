namespace SlackJit.Tests.Reliability.Races;

/// <summary>The store several hosts share in a race or crash test.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file, opened by each host in turn (or at once).</summary>
    Sqlite,

    /// <summary>One DynamoDB table on dynalite.</summary>
    DynamoDb,
}
