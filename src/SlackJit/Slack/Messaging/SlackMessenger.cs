using System.Diagnostics;
using System.Text.Json.Nodes;
using SlackJit.Slack.Api;
using SlackJit.Telemetry;

namespace SlackJit.Slack.Messaging;

/// <summary>
/// The one way SlackJit talks to people outside the ack: replies through a <c>response_url</c>, ephemeral
/// notices, and DMs. Replies and notices are best effort (a failure is logged and swallowed: the store already
/// holds the truth); <see cref="DirectMessageAsync"/> throws so callers that must know can.
/// </summary>
internal sealed class SlackMessenger(ISlackApi slack, ILogger<SlackMessenger> logger)
{
    /// <summary>Through the response_url when there is one (ephemeral, or in place of the original), else by DM.</summary>
    public async Task ReplyAsync(ReplyTarget target, SlackMessage message, string purpose, CancellationToken cancellationToken, bool replaceOriginal = false)
    {
        try
        {
            if (target.ResponseUrl is { } url)
            {
                await slack.PostToResponseUrlAsync(url, ResponseUrlBody(message, replaceOriginal), cancellationToken);
                return;
            }

            await DirectMessageAsync(target.UserId, message, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            MessagingLog.ReplyFailed(logger, target.UserId, purpose, ex.Error);
        }
    }

    /// <summary>
    /// A short answer seen only by the clicker: through the response_url (Slack ignores the HTTP body of a button
    /// click), else <c>chat.postEphemeral</c> in the click's channel, else — a click on the App Home tab has neither —
    /// by DM.
    /// </summary>
    public Task EphemeralAsync(ReplyTarget target, Guid requestId, string text, CancellationToken cancellationToken) =>
        EphemeralAsync(target, requestId, new SlackMessage(text), cancellationToken);

    /// <summary>The same, with blocks (e.g. a link button only the clicker may see).</summary>
    public async Task EphemeralAsync(ReplyTarget target, Guid requestId, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            if (target.ResponseUrl is { Length: > 0 } url)
            {
                await slack.PostToResponseUrlAsync(url, ResponseUrlBody(message, replaceOriginal: false), cancellationToken);
            }
            else if (target.Channel is { Length: > 0 } channel)
            {
                await slack.PostEphemeralAsync(channel, target.UserId, message, cancellationToken);
            }
            else if (target.UserId.Length > 0)
            {
                await DirectMessageAsync(target.UserId, message, cancellationToken);
            }
        }
        catch (SlackApiException ex)
        {
            MessagingLog.SlackFailed(logger, requestId, ex.Method, ex.Error);
        }
    }

    /// <summary>conversations.open + chat.postMessage; returns where it went. Throws <see cref="SlackApiException"/>.</summary>
    public async Task<SlackMessageRef> DirectMessageAsync(string userId, SlackMessage message, CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.StartStepSpan("dm.post", ActivityKind.Client);
        var channel = await slack.OpenDirectMessageAsync(userId, cancellationToken);
        return await slack.PostMessageAsync(channel, message, cancellationToken);
    }

    /// <summary>A reply in the thread of <paramref name="parent"/> (e.g. a reminder under a card). Never throws for Slack; false when it failed.</summary>
    public async Task<bool> ReplyInThreadAsync(SlackMessageRef parent, SlackMessage message, Guid requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await slack.PostMessageAsync(parent.Channel, message with { ThreadTs = parent.Ts }, cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            MessagingLog.SlackFailed(logger, requestId, ex.Method, ex.Error);
            return false;
        }
    }

    /// <summary>
    /// Tells <paramref name="userId"/> something without secrets: edits <paramref name="existing"/> when given, else
    /// posts a new DM. Never throws for Slack.
    /// </summary>
    public async Task TellAsync(string userId, SlackMessageRef? existing, Guid requestId, SlackMessage message, CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.StartRequestSpan("dm.tell", requestId);
        try
        {
            if (existing is not null)
            {
                await slack.UpdateMessageAsync(existing, message, cancellationToken);
            }
            else
            {
                await DirectMessageAsync(userId, message, cancellationToken);
            }
        }
        catch (SlackApiException ex)
        {
            MessagingLog.SlackFailed(logger, requestId, ex.Method, ex.Error);
            span.Fail(ex.Error);
        }
    }

    /// <summary>The body for a response_url: ephemeral, replacing the original message or not.</summary>
    public static JsonObject ResponseUrlBody(SlackMessage message, bool replaceOriginal)
    {
        var body = new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["replace_original"] = replaceOriginal,
            ["text"] = message.Text,
        };
        if (message.Blocks is not null)
        {
            body["blocks"] = message.Blocks.DeepClone();
        }
        return body;
    }
}
