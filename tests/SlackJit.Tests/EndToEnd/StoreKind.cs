namespace SlackJit.Tests.EndToEnd;

/// <summary>The store a <see cref="SlackJitHarness"/> runs on, shared by every app instance of one run.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file, opened by each instance in turn (or at once).</summary>
    Sqlite,

    /// <summary>One DynamoDB table on dynalite, made from the deploy template's own definition.</summary>
    DynamoDb,
}
