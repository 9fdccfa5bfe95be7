using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SlackJit.Storage;

/// <summary>Checks the selected provider's settings; each failure names the key and what to do.</summary>
internal sealed partial class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider)
        {
            case StoreProvider.Sqlite:
                ValidateSqlite(options.Sqlite, failures);
                break;
            case StoreProvider.DynamoDb:
                ValidateDynamoDb(options.DynamoDb, failures);
                break;
            default:
                failures.Add($"Store:Provider '{options.Provider}' is not known: use Sqlite or DynamoDb.");
                break;
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSqlite(SqliteStoreOptions sqlite, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(sqlite.Path))
        {
            failures.Add($"Store:Sqlite:Path is empty: set it or remove it to use {SqliteStoreOptions.DefaultPath}.");
        }
        else if (sqlite.Path.EndsWith('/') || sqlite.Path.EndsWith('\\'))
        {
            failures.Add($"Store:Sqlite:Path '{sqlite.Path}' is a folder: name the database file, e.g. {SqliteStoreOptions.DefaultPath}.");
        }
    }

    private static void ValidateDynamoDb(DynamoDbStoreOptions dynamo, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(dynamo.TableName))
        {
            failures.Add($"Store:DynamoDb:TableName is empty: set it or remove it to use {DynamoDbStoreOptions.DefaultTableName}.");
        }
        else if (!TableNamePattern().IsMatch(dynamo.TableName))
        {
            failures.Add($"Store:DynamoDb:TableName '{dynamo.TableName}' is not a DynamoDB table name: use 3-255 letters, digits, '_', '-' or '.'.");
        }
        if (dynamo.Timeout < MinTimeout || dynamo.Timeout > MaxTimeout)
        {
            failures.Add($"Store:DynamoDb:Timeout {dynamo.Timeout} is out of range: use {MinTimeout} to {MaxTimeout}, or remove it to use {DefaultTimeout}.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
