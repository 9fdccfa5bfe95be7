using SlackJit.Access;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests;

/// <summary>
/// <b>Approve</b> on a card. The decision is written before the ack; the card update and issuance follow after it.
/// Whoever is refused (not an approver, own request, already decided) is told through the click's response_url.
/// </summary>
internal sealed class ApproveButtonHandler(DecideRequest decide, RequestFollowUps followUps, ILogger<ApproveButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.ApproveAction;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        RequestButton.HandleAsync(payload, action, "approve", followUps, logger, async (id, clicker) =>
        {
            switch (await decide.ApproveAsync(id, payload.User.Id, cancellationToken))
            {
                case DecisionOutcome.Allowed done:
                    followUps.AfterDecision(done.Request);
                    break;
                case DecisionOutcome.Refused refused:
                    followUps.Tell(clicker, refused.Message, id);
                    break;
            }
        });
}
