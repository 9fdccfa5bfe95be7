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
        services.TryAddSingleton<SlackRequestGuard>();
        // One registry for the life of the app, like the handlers it holds: nothing is built per request.
        services.TryAddSingleton<SlackHandlerRegistry>();
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

    // Handlers are singletons (they hold no per-request state): the ack path builds no scope and resolves nothing.

    /// <summary>Adds a handler for the slash command named by its <see cref="ISlashCommandHandler.Command"/>.</summary>
    public static IServiceCollection AddSlashCommandHandler<T>(this IServiceCollection services)
        where T : class, ISlashCommandHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISlashCommandHandler, T>());
        return services;
    }

    /// <summary>Adds a handler for the <c>action_id</c> named by its <see cref="IBlockActionHandler.ActionId"/>.</summary>
    public static IServiceCollection AddBlockActionHandler<T>(this IServiceCollection services)
        where T : class, IBlockActionHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBlockActionHandler, T>());
        return services;
    }

    /// <summary>Adds a handler for view submissions with its <see cref="IViewSubmissionHandler.CallbackId"/>.</summary>
    public static IServiceCollection AddViewSubmissionHandler<T>(this IServiceCollection services)
        where T : class, IViewSubmissionHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IViewSubmissionHandler, T>());
        return services;
    }

    /// <summary>Adds a handler for the Events API event named by its <see cref="ISlackEventHandler.EventType"/>.</summary>
    public static IServiceCollection AddSlackEventHandler<T>(this IServiceCollection services)
        where T : class, ISlackEventHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISlackEventHandler, T>());
        return services;
    }

    /// <summary>Adds a handler for closed views with its <see cref="IViewClosedHandler.CallbackId"/>.</summary>
    public static IServiceCollection AddViewClosedHandler<T>(this IServiceCollection services)
        where T : class, IViewClosedHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IViewClosedHandler, T>());
        return services;
    }
}
