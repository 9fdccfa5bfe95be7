using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackJit.Grants.Extensions;
using SlackJit.Lifecycle;
using SlackJit.Slack.Transport;

namespace SlackJit.Grants;

internal static class GrantsServiceCollectionExtensions
{
    /// <summary>Issuing, renewing and ending grants; the due Approved, Issuing and Active requests; the DM's buttons.</summary>
    public static WebApplicationBuilder AddGrants(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrantServices();
        return builder;
    }

    public static IServiceCollection AddGrantServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrantDm>();
        services.TryAddSingleton<CredentialDelivery>();
        services.TryAddSingleton<GrantIssuing>();
        services.TryAddSingleton<GrantRenewal>();
        services.TryAddSingleton<GrantClosing>();
        services.AddDueRequestHandler<DueGrants>();
        services.AddWorkHandler<RenewGrant, GrantRenewal>();
        services.AddBlockActionHandler<GrantRenewHandler>();
        services.AddBlockActionHandler<GrantDoneHandler>();
        services.AddBlockActionHandler<GrantConsoleHandler>();

        // An approved extension's fresh credentials (the asking and deciding are the Requests side's).
        services.TryAddSingleton<GrantExtension>();
        return services;
    }
}
