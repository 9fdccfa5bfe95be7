using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackJit.Aws.Iam;
using SlackJit.Grants.Extensions;
using SlackJit.Hosting;
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
        services.TryAddSingleton<DmScrubber>();
        services.TryAddSingleton<GrantDmCleanup>();
        services.TryAddSingleton<LeaseHeartbeat>();
        services.TryAddSingleton<CredentialDelivery>();
        services.TryAddSingleton<GrantIssuing>();
        services.TryAddSingleton<GrantRenewal>();
        services.TryAddSingleton<GrantClosing>();
        services.TryAddSingleton<GrantConsole>();
        services.TryAddSingleton<GrantRevocation>();
        services.TryAddSingleton<RevocationSync>();
        services.TryAddSingleton<ReadinessWarnings>();
        services.AddDueRequestHandler<DueGrants>();
        services.AddDueRequestHandler<DueDmCleanups>();
        services.AddWorkHandler<RenewGrant, GrantRenewal>();
        services.AddWorkHandler<OpenConsole, GrantConsole>();
        services.AddWorkHandler<EnforceRevocation, GrantRevocation>();
        services.AddDueRequestHandler<GrantRevocation>();
        services.AddBlockActionHandler<GrantRenewHandler>();
        services.AddBlockActionHandler<GrantDoneHandler>();
        services.AddBlockActionHandler<GrantConsoleHandler>();
        services.AddBlockActionHandler<GrantConsoleLinkHandler>();
        services.AddBlockActionHandler<GrantRevokeHandler>();

        // An approved extension's fresh credentials (the asking and deciding are the Requests side's).
        services.TryAddSingleton<GrantExtension>();
        return services;
    }
}
