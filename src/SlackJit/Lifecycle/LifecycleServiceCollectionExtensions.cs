namespace SlackJit.Lifecycle;

internal static class LifecycleServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder) => builder;
}
