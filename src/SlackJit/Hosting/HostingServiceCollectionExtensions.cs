using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackJit.Hosting;

internal static class HostingServiceCollectionExtensions
{
    /// <summary>What the health endpoints read: the readiness warnings other areas raise (e.g. an approver channel the bot cannot post in).</summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ReadinessWarnings>();
        // What /readyz does not say goes to the log, once per change.
        builder.Services.TryAddSingleton<ReadinessReport>();
        return builder;
    }

    /// <summary>
    /// Checks that run before the app serves and stop it with one line when something a working deployment needs is
    /// missing (e.g. a DynamoDB table without the indexes SlackJit queries).
    /// </summary>
    public static WebApplicationBuilder AddStartupChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StoreStartupCheck>();
        return builder;
    }
}
