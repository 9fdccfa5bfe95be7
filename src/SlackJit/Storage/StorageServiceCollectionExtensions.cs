namespace SlackJit.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static WebApplicationBuilder AddStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateOnStart();
        return builder;
    }
}
