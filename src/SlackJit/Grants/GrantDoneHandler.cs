using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary><b>I'm done</b> in the DM (after its confirm dialog): Active → Ended, the DM scrubbed, the card updated, the credentials revoked in AWS.</summary>
internal sealed class GrantDoneHandler(IAccessRequestStore store, GrantClosing closing, SlackMessenger messenger, IWorkQueue work) : IBlockActionHandler
{
    public string ActionId => GrantActionIds.Done;

    // Ended: the DM itself now says so; a refusal is for the clicker. AWS's deny follows after the ack (or from the
    // sweeper when the queue is full).
    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        GrantButton.HandleAsync(payload, action, store, messenger, async (request, _) =>
        {
            if (await closing.EndAsync(request, payload.User.Id, cancellationToken) is { } refusal)
            {
                return refusal.Text();
            }
            work.TryEnqueue(new EnforceRevocation(request.Id, request.ShortId));
            return null;
        }, cancellationToken);
}
