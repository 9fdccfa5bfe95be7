using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// The request form's submit: the same decision as the command, with each refusal shown under its input. A created
/// request closes the form; the acknowledgement comes by DM (a modal has no response_url).
/// </summary>
internal sealed class NewRequestSubmissionHandler(
    CreateRequest create, RequestFollowUps followUps, IOptions<AccessOptions> access, ILogger<NewRequestSubmissionHandler> logger) : IViewSubmissionHandler
{
    public string CallbackId => RequestsSlackKeys.NewRequestCallback;

    public async Task<ViewSubmissionResponse> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        var (parsed, errors) = NewRequestModal.Read(payload.View.State, access.Value);
        if (parsed is null)
        {
            return ViewSubmissionResponse.WithErrors(errors!);
        }

        try
        {
            switch (await create.CreateAsync(parsed, payload.Identity, cancellationToken))
            {
                case CreateOutcome.Created created:
                    followUps.AfterCreate(created.Request, ReplyTarget.Dm(payload.User.Id), RequestReplies.Ack(created.Request, created.Channel));
                    return ViewSubmissionResponse.Close;
                case CreateOutcome.Refused refused:
                    return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [NewRequestModal.BlockFor(refused.Reason)] = refused.Message });
                default:
                    throw new InvalidOperationException("Unknown outcome.");
            }
        }
        catch (StoreUnavailableException ex)
        {
            RequestsLog.StoreUnavailable(logger, ex, "request form", payload.User.Id);
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [RequestsSlackKeys.ResourceBlock] = RequestReplies.StoreDown });
        }
    }
}
