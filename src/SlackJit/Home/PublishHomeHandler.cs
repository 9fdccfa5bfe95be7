using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>Reads what the person should see and publishes it (<c>views.publish</c>). A failure is logged: the next open or change publishes again.</summary>
internal sealed class PublishHomeHandler(
    HomePublishing publishing,
    HomeReader reader,
    ISlackApi slack,
    TimeProvider time,
    ILogger<PublishHomeHandler> logger) : IWorkHandler<PublishHome>
{
    public Task HandleAsync(PublishHome work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        // Never two at once for one person; a change from the start on queues one more publish after this one.
        return publishing.RunAsync(work, open => PublishAsync(work, open, cancellationToken));
    }

    private async Task PublishAsync(PublishHome work, OpenRequestsRead? open, CancellationToken cancellationToken)
    {
        HomeContent content;
        try
        {
            content = await reader.ReadAsync(work.UserId, work.TeamId, open, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            HomeLog.StoreUnavailable(logger, ex, work.UserId);
            return;
        }

        var view = HomeView.Build(content, time.GetUtcNow());
        try
        {
            await slack.PublishViewAsync(work.UserId, view, cancellationToken);
            HomeLog.Published(logger, work.UserId, view["blocks"]!.AsArray().Count);
        }
        catch (SlackApiException ex) when (ex.Error == SlackErrors.NotEnabled)
        {
            publishing.TabIsOff();
        }
        catch (SlackApiException ex)
        {
            HomeLog.PublishFailed(logger, work.UserId, ex.Error);
        }
    }
}
