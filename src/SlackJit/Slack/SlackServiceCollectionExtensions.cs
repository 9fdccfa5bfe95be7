namespace SlackJit.Slack;

internal static class SlackServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app) => app;
}
