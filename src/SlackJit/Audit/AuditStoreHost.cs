using Microsoft.Extensions.Options;
using SlackJit.Storage;

namespace SlackJit.Audit;

/// <summary>
/// The configured store, without the web host: the same settings sources as the app (appsettings.json, the
/// environment, user secrets in Development) and only the Store section required, so no Slack or AWS setting is
/// needed. Nothing runs in the background and no log line reaches the output.
/// </summary>
internal static class AuditStoreHost
{
    public static IHost Build(Action<IServiceCollection>? configure, IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The audit arguments are not settings: none of them may be read as a configuration key.
            Args = [],
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        // Reading never creates: a missing table is reported, not made empty.
        builder.Configuration.AddInMemoryCollection([new("Store:DynamoDb:CreateTableIfMissing", "false")]);
        builder.Logging.ClearProviders();
        builder.Services.AddStoreAccess();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Checks the Store settings and that there is a store to read; null when fine, else one line.</summary>
    public static string? Check(IServiceProvider services)
    {
        StoreOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            return string.Join(" ", ex.Failures);
        }
        catch (InvalidOperationException ex)
        {
            // A value of the wrong type (e.g. Store:Provider=Foo): the binder's message names the key.
            return ex.Message;
        }
        if (options.Provider == StoreProvider.Sqlite)
        {
            var path = Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Sqlite.Path);
            if (!File.Exists(path))
            {
                // Reading must never create an empty database and report "no requests".
                return $"no SQLite database at {Path.GetFullPath(path)} (Store:Sqlite:Path): nothing to read.";
            }
        }
        return null;
    }
}
