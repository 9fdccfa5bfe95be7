using System.Text.Json.Nodes;
using SlackJit.Slack.Api;

namespace SlackJit.Grants;

/// <summary>
/// Short answers to the requester's clicks, seen only by them. Slack ignores the HTTP body of a button click,
/// so they go to the click's <c>response_url</c> (or <c>chat.postEphemeral</c> without one).
/// </summary>
internal sealed class GrantReplies(ISlackApi slack, ILogger<GrantReplies> logger)
{
    public async Task EphemeralAsync(ReplyTarget target, Guid requestId, string text, CancellationToken cancellationToken)
    {
        try
        {
            if (target.ResponseUrl is { Length: > 0 } url)
            {
                var body = new JsonObject { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = text };
                await slack.PostToResponseUrlAsync(url, body, cancellationToken);
            }
            else if (target.Channel is { Length: > 0 } channel)
            {
                await slack.PostEphemeralAsync(channel, target.UserId, new SlackMessage(text), cancellationToken);
            }
        }
        catch (SlackApiException ex)
        {
            GrantsLog.SlackFailed(logger, requestId, ex.Method, ex.Error);
        }
    }
}
