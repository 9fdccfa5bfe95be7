using SlackJit.Requests;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;

namespace SlackJit.Home;

/// <summary>
/// <b>Request access</b> on the Home tab: opens the same request form as <c>/s3-access</c> alone (<see cref="RequestForm"/>;
/// its trigger lasts 3 s, so before anything else). Submitting it goes through the form's own handler and rules. When the
/// form cannot be opened the clicker is told by DM after the ack (a Home click has no response_url), never on the ack's path.
/// </summary>
internal sealed class RequestAccessHandler(RequestForm form, RequestFollowUps followUps) : IBlockActionHandler
{
    public string ActionId => HomeKeys.RequestAccessAction;

    public async Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var clicker = ReplyTarget.Clicker(payload);
        if (string.IsNullOrEmpty(payload.TriggerId))
        {
            followUps.Tell(clicker, "Slack didn't send what I need to open the form; click *Request access* again.", Guid.Empty);
        }
        else if (await form.OpenAsync(payload.TriggerId, payload.User.Id, cancellationToken) is { } error)
        {
            followUps.Tell(clicker, $"I couldn't open the request form (`{error}`); click *Request access* again, or type `/s3-access`.", Guid.Empty);
        }
        return SlackResponse.Empty;
    }
}
