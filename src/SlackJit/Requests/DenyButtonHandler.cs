using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests;

/// <summary>
/// <b>Deny</b> on a card: checks that the clicker may deny and that the request is still open, then opens the
/// reason dialog at once (its trigger lasts 3 s). The deny itself happens on submit.
/// </summary>
internal sealed class DenyButtonHandler(
    DecideRequest decide, RequestFollowUps followUps, ISlackApi slack, ILogger<DenyButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.DenyAction;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        RequestButton.HandleAsync(payload, action, "deny", followUps, logger, async (id, clicker) =>
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
        });

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
