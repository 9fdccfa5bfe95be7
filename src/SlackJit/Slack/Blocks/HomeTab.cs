using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>The App Home tab's view for <c>views.publish</c> (docs/SLACK-PLATFORM.md, "App Home").</summary>
public static class HomeTab
{
    /// <summary>A <c>home</c> view; more than 100 blocks or a long <paramref name="callbackId"/> is our bug and throws.</summary>
    public static JsonObject Build(string callbackId, BlockList blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count > BlockLimits.HomeBlocks)
        {
            throw new ArgumentException($"A Home tab holds at most {BlockLimits.HomeBlocks} blocks.", nameof(blocks));
        }
        return new JsonObject
        {
            ["type"] = "home",
            ["callback_id"] = Ids.Check(callbackId, BlockLimits.Id, "callback_id"),
            ["blocks"] = blocks.MoveToJsonArray(),
        };
    }
}
