using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackJit.Slack.Transport;

namespace SlackJit.Grants;

internal static class GrantsServiceCollectionExtensions
{
    /// <summary>Issuing, renewing and ending grants, and the DM buttons. Scoped: one set per work item, sweep or click.</summary>
    public static IServiceCollection AddGrants(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<GrantDm>();
        services.TryAddScoped<GrantReplies>();
        services.TryAddScoped<CardUpdates>();
        services.TryAddScoped<GrantIssuing>();
        services.TryAddScoped<GrantRenewal>();
        services.TryAddScoped<GrantClosing>();
        services.AddBlockActionHandler<GrantRenewHandler>();
        services.AddBlockActionHandler<GrantDoneHandler>();
        services.AddBlockActionHandler<GrantConsoleHandler>();
        return services;
    }
}
