using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// <b>Revoke</b> on the approval card of a live grant (after its confirm dialog): any approver of the catalog entry
/// ends the grant now; AWS's deny follows after the ack. Anyone else is refused with an ephemeral message, and the
/// attempt is kept in the request's audit trail.
/// </summary>
internal sealed class GrantRevokeHandler(
    IAccessRequestStore store,
    GrantClosing closing,
    ApproverLookup approvers,
    IOptionsMonitor<AccessOptions> access,
    SlackMessenger messenger,
    IWorkQueue work,
    TimeProvider time,
    ILogger<GrantRevokeHandler> logger) : IBlockActionHandler
{
    public string ActionId => CardKeys.RevokeAction;

    public async Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var reply = ReplyTarget.Clicker(payload);
        var clicker = payload.User.Id;
        if (!RequestIds.TryParse(action.Value, out var id) || await store.GetAsync(id, cancellationToken) is not { } request)
        {
            await messenger.EphemeralAsync(reply, Guid.Empty, "That request no longer exists.", cancellationToken);
            return SlackResponse.Empty;
        }

        var resource = access.CurrentValue.Resources
            .FirstOrDefault(r => string.Equals(r.Name, request.Resource.Name, StringComparison.OrdinalIgnoreCase));
        var check = resource is null
            ? PolicyCheck.Refused(RefusalReason.NotAnApprover, new RefusalFacts { RequestId = request.ShortId, Resource = request.Resource.Name })
            : await approvers.CanDenyAsync(resource, request, clicker, cancellationToken);
        if (check.Refusal is { } refused)
        {
            GrantsLog.RevokeRefused(logger, request.Id, clicker, refused.Reason.ToString());
            await store.ApplyDecidingAgainAsync(request,
                current => Transitions.RecordAttempt(current, clicker, AuditActions.RevokeRefused, refused.Reason.ToString(), time.GetUtcNow()),
                cancellationToken);
            await messenger.EphemeralAsync(reply, id, $"Only an approver of this catalog entry can revoke {request.ShortId}.", cancellationToken);
            return SlackResponse.Empty;
        }

        var write = await closing.RevokeAsync(request, clicker, cancellationToken);
        if (!write.Applied)
        {
            var text = write.Refusal?.Text() ?? "SlackJit could not record that just now; press *Revoke* again in a moment.";
            await messenger.EphemeralAsync(reply, id, text, cancellationToken);
            return SlackResponse.Empty;
        }
        // The card and the DM now say who revoked it; the deny in AWS follows (or comes from the sweeper).
        work.TryEnqueue(new EnforceRevocation(request.Id, request.ShortId));
        return SlackResponse.Empty;
    }
}
