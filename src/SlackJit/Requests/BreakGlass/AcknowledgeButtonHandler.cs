using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests.BreakGlass;

/// <summary>
/// <b>Acknowledge</b> on a break-glass card: an approver of the entry (an escalation approver once escalated), never
/// the requester, records that they reviewed the grant. Checked again on every click; a refused click is kept in the
/// audit trail like a refused approval (first one an event, the rest a count). The card shows who and when after the ack.
/// </summary>
internal sealed class AcknowledgeButtonHandler(
    IAccessRequestStore store,
    ApproverLookup approvers,
    RequestFollowUps followUps,
    IOptions<AccessOptions> access,
    TimeProvider time,
    ILogger<AcknowledgeButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.AcknowledgeAction;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        RequestButton.HandleAsync(payload, action, "acknowledge", followUps, logger, async (id, clicker) =>
        {
            var clickerId = payload.User.Id;
            if (await store.GetAsync(id, cancellationToken) is not { } request)
            {
                followUps.Tell(clicker, RequestReplies.NotFound(RequestIds.ToShort(id)), id);
                return;
            }

            var resource = AccessPolicy.FindResource(access.Value, request.Resource);
            var check = resource is null
                ? PolicyCheck.Refused(RefusalReason.NotAnApprover, new RefusalFacts { RequestId = request.ShortId, Resource = request.Resource.Name })
                : await approvers.CanAcknowledgeAsync(resource, request, clickerId, cancellationToken);
            if (check.Refusal is { } refused)
            {
                BreakGlassLog.AcknowledgeRefused(logger, id, clickerId, refused.Reason.ToString());
                await store.ApplyDecidingAgainAsync(request,
                    current => Transitions.RecordRefusedClick(current, clickerId, AuditActions.AcknowledgeRefused, refused.Reason.ToString(), time.GetUtcNow()),
                    cancellationToken);
                followUps.Tell(clicker, refused.Text(), id);
                return;
            }

            var write = await store.ApplyDecidingAgainAsync(request, r => Transitions.AcknowledgeBreakGlass(r, clickerId, time.GetUtcNow()), cancellationToken);
            switch (DecisionOutcomes.From(write, "acknowledge", id, clickerId, logger))
            {
                case DecisionOutcome.Allowed done:
                    BreakGlassLog.Acknowledged(logger, id, clickerId);
                    followUps.AfterDecision(done.Request);
                    break;
                case DecisionOutcome.Refused refusedNow:
                    followUps.Tell(clicker, refusedNow.Message, id);
                    break;
            }
        });
}
