using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary><b>I'm done</b> in the DM (after its confirm dialog): Active → Ended, the DM scrubbed, the card updated.</summary>
internal sealed class GrantDoneHandler(IAccessRequestStore store, GrantClosing closing, SlackMessenger messenger) : IBlockActionHandler
{
    public string ActionId => GrantActionIds.Done;

    public async Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var reply = ReplyTarget.Clicker(payload);
        if (!RequestIds.TryParse(action.Value, out var id) || await store.GetAsync(id, cancellationToken) is not { } request)
        {
            await messenger.EphemeralAsync(reply, Guid.Empty, "That request no longer exists.", cancellationToken);
            return SlackResponse.Empty;
        }

        if (await closing.EndAsync(request, payload.User.Id, cancellationToken) is { } refusal)
        {
            await messenger.EphemeralAsync(reply, id, refusal.Text(), cancellationToken);
        }
        // Ended: the DM itself now says so.
        return SlackResponse.Empty;
    }
}
