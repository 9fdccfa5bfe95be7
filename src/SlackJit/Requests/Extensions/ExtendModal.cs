using SlackJit.Cards;
using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Slack.Blocks;

namespace SlackJit.Requests.Extensions;

/// <summary>The "more time" form: the new total duration and a reason. Its private_metadata is the request id.</summary>
internal static class ExtendModal
{
    public static JsonObject Build(AccessRequest request, ResourceOptions resource)
    {
        var current = DurationParser.Format(request.ApprovedDuration ?? request.RequestedDuration);
        var blocks = BlockList.ForModal()
            .Add(Block.Section($"Ask the approvers of *{Mrkdwn.Escape(resource.Name, 64)}* to extend *{request.ShortId}*. " +
                               $"It is approved for {current} in all; the most is {DurationParser.Format(resource.MaxDuration)}."))
            .Add(Block.Input(ExtensionKeys.DurationBlock, "New total duration", Element.PlainTextInput(ExtensionKeys.Value, "e.g. 3h or 2h30m", maxLength: 16),
                hint: "The whole window, counted from the original approval."))
            .Add(Block.Input(ExtensionKeys.ReasonBlock, "Reason", Element.PlainTextInput(ExtensionKeys.Value, "Why you need more time", multiline: true, maxLength: AccessPolicy.MaxReasonLength)));
        return Modal.Build(ExtensionKeys.Callback, $"More time {request.ShortId}", blocks, submit: "Ask", close: "Cancel", privateMetadata: request.Id.ToString());
    }
}
