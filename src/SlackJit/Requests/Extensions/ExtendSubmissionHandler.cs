using SlackJit.Cards;
using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests.Extensions;

/// <summary>
/// The form's submit: checks the duration and reason inline (the form stays open with the message), records the
/// request for more time (the requester only; the domain checks again), closes the form and posts the extension card.
/// </summary>
internal sealed class ExtendSubmissionHandler(
    IAccessRequestStore store, IWorkQueue work, IOptions<AccessOptions> access, TimeProvider time) : IViewSubmissionHandler
{
    public string CallbackId => ExtensionKeys.Callback;

    public async Task<ViewSubmissionResponse> HandleAsync(ViewSubmissionPayload payload, CancellationToken cancellationToken)
    {
        var state = payload.View.State;
        var durationText = state?.Get(ExtensionKeys.DurationBlock, ExtensionKeys.Value)?.Trim();
        var reason = RequestParser.CleanReason(state?.Get(ExtensionKeys.ReasonBlock, ExtensionKeys.Value));
        if (!DurationParser.TryParse(durationText, out var total))
        {
            return Error(ExtensionKeys.DurationBlock, "Write a duration like 3h, 90m or 2h30m.");
        }
        if (reason.Length == 0)
        {
            return Error(ExtensionKeys.ReasonBlock, "Say why you need more time.");
        }
        if (reason.Length > AccessPolicy.MaxReasonLength)
        {
            return Error(ExtensionKeys.ReasonBlock, $"Keep it under {AccessPolicy.MaxReasonLength} characters.");
        }

        try
        {
            if (!RequestIds.TryParse(payload.View.PrivateMetadata, out var id) || await store.GetAsync(id, cancellationToken) is not { } request ||
                AccessPolicy.FindResource(access.Value, request.Resource) is not { } resource)
            {
                return Error(ExtensionKeys.DurationBlock, "That request no longer exists.");
            }

            var write = await store.ApplyDecidingAgainAsync(
                request, r => Transitions.AskExtension(r, payload.User.Id, total, reason, resource.MaxDuration, time.GetUtcNow()), cancellationToken);
            switch (write.Status)
            {
                case DecidedWriteStatus.Applied:
                    work.TryEnqueue(new ShowExtension(id, Asked: true));
                    return ViewSubmissionResponse.Close;
                case DecidedWriteStatus.Refused:
                    return Error(ExtensionKeys.DurationBlock, Clip(write.Refusal!.Text()));
                default:
                    return Error(ExtensionKeys.DurationBlock, "Many changes at once; press Ask again.");
            }
        }
        catch (StoreUnavailableException)
        {
            return Error(ExtensionKeys.DurationBlock, "SlackJit can't reach its store right now; try again shortly.");
        }
    }

    private static ViewSubmissionResponse Error(string block, string message) =>
        ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [block] = message });

    // Inline errors are plain text under the field: no mrkdwn, and short.
    private static string Clip(string text) => InputText.Clip(text.Replace("`", "", StringComparison.Ordinal), 300);
}
