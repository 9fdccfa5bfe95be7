using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// <b>Deny</b> on a card: checks that the clicker may deny and that the request is still open, then opens the
/// reason dialog at once (its trigger lasts 3 s). The deny itself happens on submit.
/// </summary>
internal sealed class DenyButtonHandler(
    DecideRequest decide, RequestFollowUps followUps, ISlackApi slack, ILogger<DenyButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.DenyAction;

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
            switch (await decide.CheckDenyAsync(id, payload.User.Id, cancellationToken))
            {
                case DecisionOutcome.Allowed open when !string.IsNullOrEmpty(payload.TriggerId):
                    await OpenDialogAsync(payload.TriggerId, open.Request, clicker, cancellationToken);
                    break;
                case DecisionOutcome.Allowed:
                    followUps.Tell(clicker, "Slack didn't send what I need to open the deny dialog; click Deny again.", id);
                    break;
                case DecisionOutcome.Refused refused:
                    followUps.Tell(clicker, refused.Message, id);
                    break;
            }
        }
        catch (StoreUnavailableException ex)
        {
            RequestsLog.StoreUnavailable(logger, ex, "deny", payload.User.Id);
            followUps.Tell(clicker, RequestReplies.StoreDown, id);
        }

        return SlackResponse.Empty;
    }

    private async Task OpenDialogAsync(string triggerId, AccessRequest request, ReplyTarget clicker, CancellationToken cancellationToken)
    {
        try
        {
            await slack.OpenViewAsync(triggerId, DenyReasonModal.Build(request), cancellationToken);
        }
        catch (SlackApiException ex)
        {
            RequestsLog.ModalOpenFailed(logger, clicker.UserId, ex.Error);
            followUps.Tell(clicker, $"I couldn't open the deny dialog (`{ex.Error}`); click Deny again.", request.Id);
        }
    }
}
