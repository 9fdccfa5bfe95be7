using SlackJit.Tests.Storage;

namespace SlackJit.Tests.EndToEnd;

/// <summary>Runs a <see cref="SlackJitHarness"/> on either store: SQLite (its default) or a fresh DynamoDB table on dynalite.</summary>
public static class HarnessStores
{
    /// <summary>Puts the app on <paramref name="kind"/>; for DynamoDB a table of its own, made before the app starts.</summary>
    public static HarnessOptions UseStore(this HarnessOptions options, StoreKind kind, DynaliteFixture dynalite)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dynalite);
        options.Store = kind;
        options.Dynalite = dynalite;
        if (kind == StoreKind.DynamoDb)
        {
            options.Settings["Store:Provider"] = "DynamoDb";
            options.Settings["Store:DynamoDb:TableName"] = "e2e-" + Guid.NewGuid().ToString("N");
        }
        return options;
    }
}
