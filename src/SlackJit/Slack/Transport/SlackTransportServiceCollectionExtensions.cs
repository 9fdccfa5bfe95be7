using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackJit.Slack.Transport;

/// <summary>Registers the Slack transport and the handlers it dispatches to.</summary>
internal static class SlackTransportServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSlackTransport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSlackTransport();
        return builder;
    }

    public static IServiceCollection AddSlackTransport(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackSignatureVerifier>();
        // Scoped, like the handlers it holds: one set per dispatch, in the dispatcher's own scope.
        services.TryAddScoped<SlackHandlerRegistry>();
        services.TryAddSingleton<SlackWorkspace>();
        services.TryAddSingleton<SlackDispatcher>();

        services.AddHttpClient(SlackConnectionsClient.HttpClientName);
        services.TryAddSingleton<SlackConnectionsClient>();
        services.TryAddSingleton(SocketModeBackoff.Default);
        services.TryAddSingleton<SocketModeEnvelopeProcessor>();
        services.TryAddTransient<SocketModeSession>();
        services.AddHostedService<SocketModeService>();
        return services;
    }

    /// <summary>Adds a handler for the slash command named by its <see cref="ISlashCommandHandler.Command"/>.</summary>
    public static IServiceCollection AddSlashCommandHandler<T>(this IServiceCollection services)
        where T : class, ISlashCommandHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISlashCommandHandler, T>());
        return services;
    }

    /// <summary>Adds a handler for the <c>action_id</c> named by its <see cref="IBlockActionHandler.ActionId"/>.</summary>
    public static IServiceCollection AddBlockActionHandler<T>(this IServiceCollection services)
        where T : class, IBlockActionHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IBlockActionHandler, T>());
        return services;
    }

    /// <summary>Adds a handler for view submissions with its <see cref="IViewSubmissionHandler.CallbackId"/>.</summary>
    public static IServiceCollection AddViewSubmissionHandler<T>(this IServiceCollection services)
        where T : class, IViewSubmissionHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IViewSubmissionHandler, T>());
        return services;
    }

    /// <summary>Adds a handler for closed views with its <see cref="IViewClosedHandler.CallbackId"/>.</summary>
    public static IServiceCollection AddViewClosedHandler<T>(this IServiceCollection services)
        where T : class, IViewClosedHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IViewClosedHandler, T>());
        return services;
    }
}
