using SlackJit.Slack.Api;

namespace SlackJit.Slack;

internal static class SlackServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();

        // Slack out: Web API client, resilience, option checks, auth.test at start-up.
        builder.AddSlackApi();

        return builder;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app) => app;
}
