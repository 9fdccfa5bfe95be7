using System.Text.Json.Nodes;

namespace SlackJit.Slack.Api;

/// <summary>
/// The Slack Web API as SlackJit uses it. Every failure — Slack's <c>ok:false</c>, rate limit past the wait cap,
/// timeout, network — surfaces as <see cref="SlackApiException"/> carrying a code from <see cref="SlackErrors"/>.
/// </summary>
public interface ISlackApi
{
    /// <summary>
    /// <c>chat.postMessage</c> (links are never unfurled). Not idempotent: it is retried after 429, 5xx and
    /// failed connections, never after a timeout (the post may have landed).
    /// </summary>
    Task<SlackMessageRef> PostMessageAsync(string channel, SlackMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// <c>chat.update</c> of a message we posted earlier. Slack keeps the old blocks when
    /// <see cref="SlackMessage.Blocks"/> is null: pass an empty array to remove them (e.g. scrubbing credentials).
    /// </summary>
    Task<SlackMessageRef> UpdateMessageAsync(SlackMessageRef target, SlackMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// <c>chat.delete</c> of a message the bot posted (a bot token may delete only its own messages). Slack answers
    /// <c>message_not_found</c>, <c>cant_delete_message</c> or <c>channel_not_found</c> when it cannot.
    /// </summary>
    Task DeleteMessageAsync(SlackMessageRef target, CancellationToken cancellationToken);

    /// <summary><c>chat.postEphemeral</c>: visible to <paramref name="userId"/> only; returns the ephemeral ts.</summary>
    Task<string> PostEphemeralAsync(string channel, string userId, SlackMessage message, CancellationToken cancellationToken);

    /// <summary><c>conversations.open</c> with one user; returns the DM channel id (<c>D…</c>).</summary>
    Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken);

    /// <summary><c>users.info</c>.</summary>
    Task<SlackUserInfo> GetUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary><c>usergroups.users.list</c>: the user ids in a user group (<c>S…</c>).</summary>
    Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken);

    /// <summary><c>views.open</c>; returns the view id. Trigger ids are single-use and expire after 3 s.</summary>
    Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken cancellationToken);

    /// <summary><c>auth.test</c>: who the bot token belongs to.</summary>
    Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken);

    /// <summary>
    /// POSTs JSON (<c>text</c>, <c>blocks</c>, <c>response_type</c>, <c>replace_original</c>…) to a
    /// <c>response_url</c>. Only https on hooks.slack.com or the configured API host is allowed, and the bot token is
    /// never sent there; any other URL fails with <see cref="SlackErrors.InvalidResponseUrl"/>.
    /// </summary>
    Task PostToResponseUrlAsync(string responseUrl, JsonObject body, CancellationToken cancellationToken);
}
