using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;

namespace SlackJit.Slack;

internal static class SlackServiceCollectionExtensions
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();

        // Slack in: signed HTTP endpoints and Socket Mode, dispatching to registered handlers.
        builder.AddSlackTransport();

        // Slack out: Web API client, resilience, option checks, auth.test at start-up.
        builder.AddSlackApi();

        // Replies, ephemeral notices and DMs: the one way the features talk to people after the ack.
        builder.Services.TryAddSingleton<SlackMessenger>();

        return builder;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        // Slack in: POST /slack/commands and /slack/interactions.
        app.MapSlackTransport();
        return app;
    }
}
