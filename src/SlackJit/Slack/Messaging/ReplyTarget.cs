using SlackJit.Slack.Transport;

namespace SlackJit.Slack.Messaging;

/// <summary>
/// Where to answer a person after the ack: the interaction's <c>response_url</c> when there is one (ephemeral, in
/// place); else, by purpose, a DM or an ephemeral message in <paramref name="Channel"/>. Modal submissions have
/// no response_url, so they are answered by DM.
/// </summary>
internal sealed record ReplyTarget(string UserId, string? ResponseUrl = null, string? Channel = null)
{
    public static ReplyTarget Dm(string userId) => new(userId);

    /// <summary>The person who clicked, with the click's response_url and the channel it came from.</summary>
    public static ReplyTarget Clicker(BlockActionsPayload payload) =>
        new(payload.User.Id, payload.ResponseUrl, payload.Channel?.Id ?? payload.Container?.ChannelId);
}
