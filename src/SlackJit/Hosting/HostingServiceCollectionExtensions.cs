using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackJit.Hosting;

internal static class HostingServiceCollectionExtensions
{
    /// <summary>What the health endpoints read: the readiness warnings other areas raise (e.g. an approver channel the bot cannot post in).</summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ReadinessWarnings>();
        return builder;
    }
}
