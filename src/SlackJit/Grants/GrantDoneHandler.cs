using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary><b>I'm done</b> in the DM (after its confirm dialog): Active → Ended, the DM scrubbed, the card updated.</summary>
internal sealed class GrantDoneHandler(IAccessRequestStore store, GrantClosing closing, SlackMessenger messenger) : IBlockActionHandler
{
    public string ActionId => GrantActionIds.Done;

    // Ended: the DM itself now says so; a refusal is for the clicker.
    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        GrantButton.HandleAsync(payload, action, store, messenger, async (request, _) =>
            (await closing.EndAsync(request, payload.User.Id, cancellationToken))?.Text(), cancellationToken);
}
