using SlackJit.Slack.Transport;

namespace SlackJit.Requests.BreakGlass;

/// <summary>
/// <b>Acknowledge</b> on a break-glass card: an approver of the entry (an escalation approver once escalated), never
/// the requester, records that they reviewed the grant. Checked again on every click and written before the ack, like
/// an approval (<see cref="DecideRequest"/>); a refused click is kept in the audit trail like a refused approval (first
/// one an event, the rest a count). The card shows who and when after the ack.
/// </summary>
internal sealed class AcknowledgeButtonHandler(DecideRequest decide, RequestFollowUps followUps, ILogger<AcknowledgeButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.AcknowledgeAction;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        RequestButton.HandleAsync(payload, action, "acknowledge", followUps, logger, async (id, clicker) =>
        {
            switch (await decide.AcknowledgeAsync(id, payload.User.Id, cancellationToken))
            {
                case DecisionOutcome.Allowed done:
                    BreakGlassLog.Acknowledged(logger, id, payload.User.Id);
                    followUps.AfterDecision(done.Request);
                    break;
                case DecisionOutcome.Refused refused:
                    followUps.Tell(clicker, refused.Message, id);
                    break;
            }
        });
}
