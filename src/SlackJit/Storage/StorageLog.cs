namespace SlackJit.Storage;

/// <summary>Store log messages; event ids 3100–3199 belong to this folder.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = LogEvents.Storage.SqliteReady, Level = LogLevel.Information, Message = "SQLite store ready at {Path}")]
    public static partial void SqliteReady(this ILogger logger, string path);

    [LoggerMessage(EventId = LogEvents.Storage.TableCreated, Level = LogLevel.Information, Message = "DynamoDB table {TableName} created")]
    public static partial void TableCreated(this ILogger logger, string tableName);

    [LoggerMessage(EventId = LogEvents.Storage.TtlNotEnabled, Level = LogLevel.Warning, Message = "DynamoDB table {TableName}: time to live on expiresAt could not be enabled ({ErrorCode}); enable it in the table definition")]
    public static partial void TtlNotEnabled(this ILogger logger, string tableName, string errorCode);

    [LoggerMessage(EventId = LogEvents.Storage.InitializationFailed, Level = LogLevel.Warning, Message = "Store initialisation failed, retrying in {Delay}: {Reason}")]
    public static partial void InitializationFailed(this ILogger logger, TimeSpan delay, string reason);

    [LoggerMessage(EventId = LogEvents.Storage.NotReady, Level = LogLevel.Warning, Message = "Readiness check failed: {Reason}")]
    public static partial void NotReady(this ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.Storage.TableReady, Level = LogLevel.Information, Message = "DynamoDB table {TableName} ready")]
    public static partial void TableReady(this ILogger logger, string tableName);

    [LoggerMessage(EventId = LogEvents.Storage.TableMismatch, Level = LogLevel.Error, Message = "{Problem}")]
    public static partial void TableMismatch(this ILogger logger, string problem);

    [LoggerMessage(EventId = LogEvents.Storage.StartupCheckSkipped, Level = LogLevel.Warning, Message = "Store check at start-up skipped: {Reason}; /readyz reports the store until it answers")]
    public static partial void StartupCheckSkipped(this ILogger logger, string reason);
}
