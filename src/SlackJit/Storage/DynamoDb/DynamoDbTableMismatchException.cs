namespace SlackJit.Storage.DynamoDb;

/// <summary>
/// The table exists but does not have the key or indexes SlackJit queries. Carried inside a
/// <see cref="StoreUnavailableException"/> (every store call fails the same way until it is fixed); start-up
/// turns it into a refusal to start.
/// </summary>
internal sealed class DynamoDbTableMismatchException(string message) : Exception(message);
