using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Hosting;

namespace SlackJit.Cards;

internal static class CardsServiceCollectionExtensions
{
    /// <summary>The approval card in the approvers' channel: built, posted and kept in step with the request.</summary>
    public static WebApplicationBuilder AddCards(this WebApplicationBuilder builder)
    {
        builder.Services.AddCardServices();
        return builder;
    }

    public static IServiceCollection AddCardServices(this IServiceCollection services)
    {
        // Every catalog entry must have a channel for its cards; checked with the other settings at start-up.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, ApproverChannelValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Cards that cannot be posted show up on /readyz until a post to that channel works again.
        services.TryAddSingleton<ReadinessWarnings>();
        services.TryAddSingleton<ApprovalCards>();
        services.TryAddSingleton<IApprovalCards>(sp => sp.GetRequiredService<ApprovalCards>());
        return services;
    }
}
