namespace SlackJit.Aws;

internal static class AwsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAws(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName).ValidateOnStart();
        return builder;
    }
}
