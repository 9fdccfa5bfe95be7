using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;

namespace SlackJit.Home;

/// <summary>
/// <b>Request access</b> on the Home tab: opens the same request form as <c>/s3-access</c> alone (its trigger lasts 3 s,
/// so before anything else). Submitting it goes through the form's own handler and rules.
/// </summary>
internal sealed class RequestAccessHandler(
    ISlackApi slack,
    IOptionsMonitor<AccessOptions> access,
    SlackMessenger messenger,
    ILogger<RequestAccessHandler> logger) : IBlockActionHandler
{
    public string ActionId => HomeKeys.RequestAccessAction;

    public async Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var clicker = ReplyTarget.Clicker(payload);
        if (string.IsNullOrEmpty(payload.TriggerId))
        {
            await messenger.EphemeralAsync(clicker, Guid.Empty, "Slack didn't send what I need to open the form; click *Request access* again.", cancellationToken);
            return SlackResponse.Empty;
        }
        try
        {
            await slack.OpenViewAsync(payload.TriggerId, NewRequestModal.Build(access.CurrentValue), cancellationToken);
        }
        catch (SlackApiException ex)
        {
            HomeLog.FormNotOpened(logger, payload.User.Id, ex.Error);
            await messenger.EphemeralAsync(clicker, Guid.Empty, $"I couldn't open the request form (`{ex.Error}`); click *Request access* again, or type `/s3-access`.", cancellationToken);
        }
        return SlackResponse.Empty;
    }
}
