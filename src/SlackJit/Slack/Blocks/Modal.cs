using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>Modal views for <c>views.open</c>.</summary>
public static class Modal
{
    /// <summary>
    /// Builds a modal. Title, submit and close are truncated to 24; <paramref name="privateMetadata"/> over 3000,
    /// a long <paramref name="callbackId"/> or more than 100 blocks is our bug and throws.
    /// </summary>
    public static JsonObject Build(
        string callbackId,
        string title,
        BlockList blocks,
        string? submit = null,
        string? close = null,
        string? privateMetadata = null,
        bool notifyOnClose = false)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count > BlockLimits.ModalBlocks)
        {
            throw new ArgumentException($"A modal holds at most {BlockLimits.ModalBlocks} blocks.", nameof(blocks));
        }

        var json = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = Ids.Check(callbackId, BlockLimits.Id, "callback_id"),
            ["title"] = TextObject.Plain(title, BlockLimits.ModalTitle),
            ["blocks"] = blocks.ToJsonArray(),
        };
        if (submit is not null)
        {
            json["submit"] = TextObject.Plain(submit, BlockLimits.ModalButton);
        }
        if (close is not null)
        {
            json["close"] = TextObject.Plain(close, BlockLimits.ModalButton);
        }
        if (privateMetadata is not null)
        {
            json["private_metadata"] = Ids.Check(privateMetadata, BlockLimits.PrivateMetadata, "private_metadata");
        }
        if (notifyOnClose)
        {
            json["notify_on_close"] = true;
        }
        return json;
    }
}
