using SlackJit.Access;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary><b>Cancel request</b> in the requester's acknowledgement: cancels and replaces that message with the outcome.</summary>
internal sealed class CancelButtonHandler(CancelRequest cancel, RequestFollowUps followUps, ILogger<CancelButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.CancelAction;

    public async Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var clicker = new ReplyTarget(payload.User.Id, payload.ResponseUrl);
        if (!RequestIds.TryParse(action.Value, out var id))
        {
            followUps.Tell(clicker, RequestReplies.BrokenButton, Guid.Empty);
            return SlackResponse.Empty;
        }

        try
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
        }
        catch (StoreUnavailableException ex)
        {
            RequestsLog.StoreUnavailable(logger, ex, "cancel", payload.User.Id);
            followUps.Tell(clicker, RequestReplies.StoreDown, id);
        }

        return SlackResponse.Empty;
    }
}
