namespace SlackJit.Lifecycle;

internal static class LifecycleServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackgroundWorkOptions>().BindConfiguration(BackgroundWorkOptions.SectionName);
        builder.Services.AddSingleton<BackgroundWorkQueue>();
        builder.Services.AddSingleton<IBackgroundWork>(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        return builder;
    }
}
