using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SlackJit.Lifecycle;

internal static class LifecycleServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder)
    {
        builder.Services.AddLifecycleServices();
        return builder;
    }

    /// <summary>The machinery only: the typed work queue and the sweeper. The features register what they handle.</summary>
    public static IServiceCollection AddLifecycleServices(this IServiceCollection services)
    {
        services.AddOptions<LifecycleOptions>().BindConfiguration(LifecycleOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LifecycleOptions>, LifecycleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // After the ack: a bounded queue with a few workers.
        services.TryAddSingleton<WorkQueue>();
        services.TryAddSingleton<IWorkQueue>(sp => sp.GetRequiredService<WorkQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<WorkQueue>());
        services.AddWorkHandler<AdvanceRequest, AdvanceRequestHandler>();

        // The sweeper: resolved as itself so tests can drive SweepOnceAsync; its timer is off when disabled.
        services.TryAddSingleton<Rescheduler>();
        services.TryAddSingleton<DueRequestAdvancer>();
        services.TryAddSingleton<Sweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Sweeper>());
        return services;
    }

    /// <summary>
    /// Registers the handler for one kind of work item. A later registration for the same item replaces it
    /// (the queue resolves the last one), which is how a test stands in for a step.
    /// </summary>
    public static IServiceCollection AddWorkHandler<TWork, THandler>(this IServiceCollection services)
        where TWork : IWorkItem
        where THandler : class, IWorkHandler<TWork>
    {
        services.AddScoped<IWorkHandler<TWork>, THandler>();
        return services;
    }

    /// <summary>Registers a handler that looks at every due request, whatever its status, before the status's handler.</summary>
    public static IServiceCollection AddAnyStatusDueHandler<THandler>(this IServiceCollection services)
        where THandler : class, IAnyStatusDueHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnyStatusDueHandler, THandler>());
        return services;
    }

    /// <summary>Registers a handler for the due requests in the statuses it names.</summary>
    public static IServiceCollection AddDueRequestHandler<THandler>(this IServiceCollection services)
        where THandler : class, IDueRequestHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDueRequestHandler, THandler>());
        return services;
    }
}
