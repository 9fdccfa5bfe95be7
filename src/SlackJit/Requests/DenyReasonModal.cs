using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Slack.Blocks;
using static SlackJit.Requests.RequestsSlackKeys;

namespace SlackJit.Requests;

/// <summary>The "why deny?" dialog; its private_metadata is the request's full id.</summary>
internal static class DenyReasonModal
{
    public const int MaxReasonLength = AccessPolicy.MaxReasonLength;

    public static JsonObject Build(AccessRequest request)
    {
        var blocks = BlockList.ForModal();
        blocks.Add(Block.Section(
            $"Deny *{request.ShortId}*: {Mrkdwn.User(request.Requester.UserId)} asks for {DurationParser.Format(request.RequestedDuration)} of read-only access to"));
        blocks.Add(Block.PlainSection(request.Resource.Display));
        blocks.Add(Block.Input(
            DenyReasonBlock, "Reason (optional)", Element.PlainTextInput(Value, "The requester sees this in a DM", multiline: true, maxLength: MaxReasonLength),
            optional: true));
        return Modal.Build(DenyReasonCallback, $"Deny {request.ShortId}", blocks, submit: "Deny", close: "Back", privateMetadata: request.Id.ToString());
    }

    /// <summary>What replaces the dialog when the deny could not be applied (already decided, not allowed…).</summary>
    public static JsonObject Result(string mrkdwn)
    {
        var blocks = BlockList.ForModal();
        blocks.Add(Block.Section(mrkdwn));
        return Modal.Build(DenyReasonCallback, "Deny request", blocks, close: "Close");
    }
}
