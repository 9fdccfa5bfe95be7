using Microsoft.Extensions.DependencyInjection;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

internal static class TestSlackServices
{
    /// <summary>The transport plus the test handlers, all reporting to <paramref name="probe"/>.</summary>
    public static IServiceCollection AddTestSlackHandlers(this IServiceCollection services, HandlerProbe probe)
    {
        services.AddSingleton(probe);
        services.AddSlackTransport();
        services.AddSlashCommandHandler<TestCommandHandler>();
        services.AddBlockActionHandler<TestActionHandler>();
        services.AddViewSubmissionHandler<TestViewHandler>();
        services.AddViewClosedHandler<TestViewHandler>();
        return services;
    }
}
