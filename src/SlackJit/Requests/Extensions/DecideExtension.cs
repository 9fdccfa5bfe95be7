using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests.Extensions;

/// <summary>
/// Approve and Deny on an extension card. The clicker is checked as for the request itself (listed approver,
/// directly or through a group; not the requester unless the entry allows it); the decision is a conditional write
/// re-decided on conflict, so two approvers of a 2-of-M entry both count and a double click counts once. An
/// approval that completes the tally makes fresh credentials due at once (issued on the work queue, or by the sweeper).
/// </summary>
internal sealed class DecideExtension(
    IAccessRequestStore store,
    ApproverLookup approvers,
    IWorkQueue work,
    SlackMessenger messenger,
    IOptions<AccessOptions> access,
    TimeProvider time,
    ILogger<DecideExtension> logger)
{
    public async Task<SlackResponse> DecideAsync(BlockActionsPayload payload, BlockAction action, bool approve, CancellationToken cancellationToken)
    {
        var reply = ReplyTarget.Clicker(payload);
        var clicker = payload.User.Id;
        try
        {
            if (!RequestIds.TryParse(action.Value, out var id) || await store.GetAsync(id, cancellationToken) is not { } request ||
                AccessPolicy.FindResource(access.Value, request.Resource) is not { } resource)
            {
                await messenger.EphemeralAsync(reply, Guid.Empty, "That request no longer exists.", cancellationToken);
                return SlackResponse.Empty;
            }

            var check = approve
                ? await approvers.CanApproveAsync(resource, request, clicker, cancellationToken)
                : await approvers.CanDenyAsync(resource, request, clicker, cancellationToken);
            if (!check.IsAllowed)
            {
                await messenger.EphemeralAsync(reply, id, check.Refusal.Text(), cancellationToken);
                return SlackResponse.Empty;
            }

            var write = await store.ApplyDecidingAgainAsync(request, r => approve
                ? Transitions.ApproveExtension(r, clicker, time.GetUtcNow())
                : Transitions.DenyExtension(r, clicker, time.GetUtcNow()), cancellationToken);
            switch (write.Status)
            {
                case DecidedWriteStatus.Applied:
                    ExtensionsLog.Decided(logger, id, clicker, write.Current.Extension?.Decision ?? "approval recorded");
                    work.TryEnqueue(new ShowExtension(id, Asked: false));
                    if (Transitions.NeedsExtendedCredentials(write.Current))
                    {
                        work.TryEnqueue(new AdvanceRequest(id, RequestStatus.Active));
                    }
                    break;
                case DecidedWriteStatus.Refused:
                    await messenger.EphemeralAsync(reply, id, write.Refusal!.Text(), cancellationToken);
                    break;
                default:
                    await messenger.EphemeralAsync(reply, id, "Many people are acting on this at once; try again in a moment.", cancellationToken);
                    break;
            }
        }
        catch (StoreUnavailableException)
        {
            await messenger.EphemeralAsync(reply, Guid.Empty, "SlackJit can't reach its store right now; try again shortly.", cancellationToken);
        }
        return SlackResponse.Empty;
    }
}
