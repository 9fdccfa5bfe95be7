using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// The frame the DM's buttons share: the button's value names the request, the answer to Slack is an empty 200,
/// and whatever the clicker must hear goes to them alone (ephemeral).
/// </summary>
internal static class GrantButton
{
    /// <param name="handle">Acts on the request; returns what to tell the clicker, or null when the DM itself shows it.</param>
    public static async Task<SlackResponse> HandleAsync(
        BlockActionsPayload payload,
        BlockAction action,
        IAccessRequestStore store,
        SlackMessenger messenger,
        Func<AccessRequest, ReplyTarget, Task<string?>> handle,
        CancellationToken cancellationToken)
    {
        var reply = ReplyTarget.Clicker(payload);
        if (!RequestIds.TryParse(action.Value, out var id) || await store.GetAsync(id, cancellationToken) is not { } request)
        {
            await messenger.EphemeralAsync(reply, Guid.Empty, "That request no longer exists.", cancellationToken);
            return SlackResponse.Empty;
        }

        if (await handle(request, reply) is { } answer)
        {
            await messenger.EphemeralAsync(reply, id, answer, cancellationToken);
        }
        return SlackResponse.Empty;
    }
}
