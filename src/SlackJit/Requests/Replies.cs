using SlackJit.Slack.Api;

namespace SlackJit.Requests;

/// <summary>Sends follow-up messages to people; a failure is logged and swallowed (the store already holds the truth).</summary>
internal sealed class Replies(ISlackApi slack, ILogger<Replies> logger)
{
    public async Task SendAsync(ReplyTarget target, SlackMessage message, string purpose, CancellationToken cancellationToken, bool replaceOriginal = false)
    {
        try
        {
            if (target.ResponseUrl is { } url)
            {
                await slack.PostToResponseUrlAsync(url, RequestReplies.ResponseUrlBody(message, replaceOriginal), cancellationToken);
                return;
            }

            await DirectMessageAsync(target.UserId, message, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            RequestsLog.ReplyFailed(logger, target.UserId, purpose, ex.Error);
        }
    }

    /// <summary>conversations.open + chat.postMessage; throws <see cref="SlackApiException"/>.</summary>
    public async Task DirectMessageAsync(string userId, SlackMessage message, CancellationToken cancellationToken)
    {
        var channel = await slack.OpenDirectMessageAsync(userId, cancellationToken);
        await slack.PostMessageAsync(channel, message, cancellationToken);
    }
}
