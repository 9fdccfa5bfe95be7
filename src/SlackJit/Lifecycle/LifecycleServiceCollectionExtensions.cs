using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlackJit.Grants;

namespace SlackJit.Lifecycle;

internal static class LifecycleServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder)
    {
        builder.Services.AddLifecycleServices();
        return builder;
    }

    /// <summary>The work queue, issuing, the grant buttons and the sweeper.</summary>
    public static IServiceCollection AddLifecycleServices(this IServiceCollection services)
    {
        services.AddOptions<BackgroundWorkOptions>().BindConfiguration(BackgroundWorkOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackgroundWorkOptions>, BackgroundWorkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // After the ack: a bounded queue with a few workers.
        services.AddSingleton<BackgroundWorkQueue>();
        services.AddSingleton<IBackgroundWork>(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWorkQueue>());

        // Issuing, renewing and ending grants; the DM's buttons.
        services.AddGrants();
        services.TryAddSingleton<IIssuanceScheduler, IssuanceScheduler>();

        // The sweeper: resolved as itself so tests can drive SweepOnceAsync; its timer is off when disabled.
        services.TryAddScoped<DueRequestAdvancer>();
        services.AddSingleton<Sweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Sweeper>());
        return services;
    }
}
