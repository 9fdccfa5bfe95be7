using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton<GrantConsole>();
        services.AddDueRequestHandler<DueGrants>();
        services.AddWorkHandler<RenewGrant, GrantRenewal>();
        services.AddWorkHandler<OpenConsole, GrantConsole>();
        services.AddBlockActionHandler<GrantRenewHandler>();
        services.AddBlockActionHandler<GrantDoneHandler>();
        services.AddBlockActionHandler<GrantConsoleHandler>();
        services.AddBlockActionHandler<GrantConsoleLinkHandler>();
        return services;
    }
}
