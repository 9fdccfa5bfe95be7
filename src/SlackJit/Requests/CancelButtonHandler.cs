using SlackJit.Access;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests;

/// <summary><b>Cancel request</b> in the requester's acknowledgement: cancels and replaces that message with the outcome.</summary>
internal sealed class CancelButtonHandler(CancelRequest cancel, RequestFollowUps followUps, ILogger<CancelButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.CancelAction;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        RequestButton.HandleAsync(payload, action, "cancel", followUps, logger, async (id, clicker) =>
        {
            switch (await cancel.CancelAsync(id, payload.Identity, cancellationToken))
            {
                case DecisionOutcome.Allowed done:
                    followUps.AfterDecision(done.Request);
                    followUps.Tell(clicker, RequestReplies.Cancelled(done.Request), id, replaceOriginal: true);
                    break;
                case DecisionOutcome.Refused refused:
                    followUps.Tell(clicker, refused.Message, id);
                    break;
            }
        });
}
