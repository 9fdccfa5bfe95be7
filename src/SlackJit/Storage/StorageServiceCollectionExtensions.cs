using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlackJit.Storage.DynamoDb;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAccessRequestStore"/> (a singleton chosen by <c>Store:Provider</c>), its
    /// background initialisation, and <see cref="StoreReadiness"/> for <c>/readyz</c>.
    /// Tests may register their own <see cref="IAmazonDynamoDB"/> before this to point at a local server.
    /// </summary>
    public static WebApplicationBuilder AddStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddStoreAccess();
        services.AddSingleton<StoreReadiness>();
        services.AddHostedService<StoreInitializerService>();
        return builder;
    }

    /// <summary>
    /// The store itself (<see cref="IAccessRequestStore"/>, <see cref="IRequestHistory"/>) and its settings, without
    /// anything that runs in the background: what the web app and the audit commands share.
    /// </summary>
    public static IServiceCollection AddStoreAccess(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
            DynamoDbClientFactory.Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value.DynamoDb));
        services.AddSingleton(CreateStore);
        services.AddSingleton(sp => sp.GetRequiredService<IAccessRequestStore>() as IRequestHistory
            ?? throw new InvalidOperationException("The registered request store cannot read requests by creation time."));
        // Both adapters keep the slots beside the requests (the per-requester caps, see RequesterSlots).
        services.TryAddSingleton(sp => sp.GetRequiredService<IAccessRequestStore>() as ISlotStore
            ?? throw new InvalidOperationException("The registered request store keeps no slots (ISlotStore); the per-requester caps need them."));
        return services;
    }

    private static IAccessRequestStore CreateStore(IServiceProvider services)
    {
        var adapter = CreateAdapter(services);
        var observers = services.GetServices<IRequestObserver>().ToList();
        return observers.Count == 0 ? adapter : new ObservedRequestStore(adapter, observers);
    }

    private static IAccessRequestStore CreateAdapter(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        return options.Provider switch
        {
            StoreProvider.DynamoDb => new DynamoDbAccessRequestStore(
                services.GetRequiredService<IAmazonDynamoDB>,
                options.DynamoDb,
                services.GetRequiredService<ILogger<DynamoDbAccessRequestStore>>()),
            _ => new SqliteAccessRequestStore(
                // A relative path is relative to the app's content root, not to whatever folder it was started from.
                Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Sqlite.Path),
                services.GetRequiredService<ILogger<SqliteAccessRequestStore>>()),
        };
    }
}
