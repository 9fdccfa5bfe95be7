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

        // Asking for more time: the DM's button and form, the extension card's decisions, the fresh credentials.
        services.TryAddSingleton<GrantExtension>();
        services.TryAddSingleton<DecideExtension>();
        services.AddWorkHandler<ShowExtension, ExtensionFollowUps>();
        services.AddBlockActionHandler<ExtendButtonHandler>();
        services.AddBlockActionHandler<ExtensionApproveHandler>();
        services.AddBlockActionHandler<ExtensionDenyHandler>();
        services.AddViewSubmissionHandler<ExtendSubmissionHandler>();
        return services;
    }
}
