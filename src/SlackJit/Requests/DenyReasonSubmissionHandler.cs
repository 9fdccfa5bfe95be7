using SlackJit.Access;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>The deny dialog's submit: authorizes again (time has passed since the click), denies, closes the dialog.</summary>
internal sealed class DenyReasonSubmissionHandler(
    DecideRequest decide, RequestFollowUps followUps, ILogger<DenyReasonSubmissionHandler> logger) : IViewSubmissionHandler
{
    public string CallbackId => RequestsSlackKeys.DenyReasonCallback;

    public async Task<ViewSubmissionResponse> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        if (!RequestIds.TryParse(payload.View.PrivateMetadata, out var id))
        {
            return ViewSubmissionResponse.Update(DenyReasonModal.Result(RequestReplies.BrokenButton));
        }

        var reason = RequestParser.CleanReason(payload.View.State?.Get(RequestsSlackKeys.DenyReasonBlock, RequestsSlackKeys.Value));
        if (reason.Length > DenyReasonModal.MaxReasonLength)
        {
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string>
            {
                [RequestsSlackKeys.DenyReasonBlock] = $"Keep it under {DenyReasonModal.MaxReasonLength} characters.",
            });
        }

        try
        {
            switch (await decide.DenyAsync(id, payload.User.Id, reason, cancellationToken))
            {
                case DecisionOutcome.Allowed done:
                    followUps.AfterDeny(done.Request);
                    return ViewSubmissionResponse.Close;
                case DecisionOutcome.Refused refused:
                    return ViewSubmissionResponse.Update(DenyReasonModal.Result(refused.Message));
                default:
                    throw new InvalidOperationException("Unknown outcome.");
            }
        }
        catch (StoreUnavailableException ex)
        {
            RequestsLog.StoreUnavailable(logger, ex, "deny", payload.User.Id);
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [RequestsSlackKeys.DenyReasonBlock] = RequestReplies.StoreDown });
        }
    }
}
