namespace SlackJit.Hosting;

internal static class HostingServiceCollectionExtensions
{
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
