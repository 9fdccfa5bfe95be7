using SlackJit.Slack.Transport;

namespace SlackJit.Home;

/// <summary>
/// <c>app_home_opened</c> on the Home tab: queues a publish of that person's Home and acks at once (the store and
/// Slack are read after the ack). Opening the Messages tab needs nothing.
/// </summary>
internal sealed class HomeOpenedHandler(HomePublishing publishing) : ISlackEventHandler
{
    public const string HomeTab = "home";

    public string EventType => SlackEvent.AppHomeOpened;

    public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        if (slackEvent.Tab == HomeTab && slackEvent.UserId.Length > 0)
        {
            publishing.Opened(slackEvent.UserId, slackEvent.TeamId ?? "");
        }
        return Task.CompletedTask;
    }
}
