using Microsoft.Extensions.Options;

namespace SlackJit.Access;

internal static class AccessServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, CatalogBindingValidator>();
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName).ValidateOnStart();
        return builder;
    }
}
