using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// <b>Renew credentials</b> in the DM. The claim is written before the ack (fast, conditional); STS and the DM edit
/// run after it on the work queue, because STS with its retries can take longer than Slack's 3 seconds.
/// </summary>
internal sealed class GrantRenewHandler(
    IAccessRequestStore store,
    GrantRenewal renewal,
    SlackMessenger messenger,
    IWorkQueue work) : IBlockActionHandler
{
    public string ActionId => GrantActionIds.Renew;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        GrantButton.HandleAsync(payload, action, store, messenger, async (request, reply) =>
        {
            var (claimed, refusal) = await renewal.ClaimAsync(request, payload.User.Id, cancellationToken);
            if (claimed is null)
            {
                return refusal!.Text();
            }

            // The claim expires with its lease; until then a new click is refused, so say when to come back.
            return work.TryEnqueue(new RenewGrant(claimed, reply))
                ? null
                : "SlackJit is busy right now; press *Renew credentials* again in a few minutes.";
        }, cancellationToken);
}
