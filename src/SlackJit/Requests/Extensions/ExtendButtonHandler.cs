using SlackJit.Cards;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests.Extensions;

/// <summary>
/// <b>Ask for more time</b> in the DM: checks the clicker is the requester and the grant can still be extended (a dry
/// run of the domain's rule), then opens the form at once (its trigger lasts 3 s). The request is made on submit.
/// </summary>
internal sealed class ExtendButtonHandler(
    IAccessRequestStore store, ISlackApi slack, SlackMessenger messenger, IOptions<AccessOptions> access, TimeProvider time) : IBlockActionHandler
{
    public string ActionId => ExtensionKeys.Ask;

    public async Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        var reply = ReplyTarget.Clicker(payload);
        if (!RequestIds.TryParse(action.Value, out var id) || await store.GetAsync(id, cancellationToken) is not { } request ||
            AccessPolicy.FindResource(access.Value, request.Resource) is not { } resource)
        {
            await messenger.EphemeralAsync(reply, Guid.Empty, "That request no longer exists.", cancellationToken);
            return SlackResponse.Empty;
        }

        // Anything longer than now passes the duration rule here; the form's answer is checked on submit.
        var dryRun = Transitions.AskExtension(request, payload.User.Id, TimeSpan.MaxValue, "check", TimeSpan.MaxValue, time.GetUtcNow());
        if (!dryRun.IsAllowed && dryRun.Refusal.Reason != RefusalReason.DurationTooLong)
        {
            await messenger.EphemeralAsync(reply, id, dryRun.Refusal.Text(), cancellationToken);
            return SlackResponse.Empty;
        }
        if (request.ApprovedDuration >= resource.MaxDuration)
        {
            await messenger.EphemeralAsync(reply, id,
                $"{request.ShortId} already has the longest window {Slack.Blocks.Mrkdwn.Escape(resource.Name, 64)} allows ({DurationParser.Format(resource.MaxDuration)}).", cancellationToken);
            return SlackResponse.Empty;
        }

        try
        {
            await slack.OpenViewAsync(payload.TriggerId ?? "", ExtendModal.Build(request, resource), cancellationToken);
        }
        catch (SlackApiException ex)
        {
            await messenger.EphemeralAsync(reply, id, $"I couldn't open the form (`{ex.Error}`); press *Ask for more time* again.", cancellationToken);
        }
        return SlackResponse.Empty;
    }
}
