using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.EndToEnd;

/// <summary>Runs a <see cref="SlackJitHarness"/> on either store: SQLite (its default) or a fresh DynamoDB table on dynalite.</summary>
public static class HarnessStores
{
    /// <summary>Puts the app on <paramref name="kind"/>; for DynamoDB a table of its own, created at start-up.</summary>
    public static HarnessOptions UseStore(this HarnessOptions options, StoreKind kind, DynaliteFixture dynalite)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dynalite);
        if (kind != StoreKind.DynamoDb)
        {
            return options;
        }

        options.Settings["Store:Provider"] = "DynamoDb";
        options.Settings["Store:DynamoDb:TableName"] = "e2e-" + Guid.NewGuid().ToString("N");
        options.Settings["Store:DynamoDb:CreateTableIfMissing"] = "true";
        var more = options.Services;
        options.Services = services =>
        {
            services.AddSingleton<IAmazonDynamoDB>(_ => dynalite.CreateClient());
            more?.Invoke(services);
        };
        return options;
    }
}
