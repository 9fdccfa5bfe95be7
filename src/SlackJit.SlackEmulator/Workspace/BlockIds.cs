using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.Workspace;

/// <summary>
/// Slack gives every block that arrives without a <c>block_id</c> one of its own, so a click names the block it came
/// from even when several blocks hold an element with the same <c>action_id</c> (a list of requests, each with its
/// Cancel button). The emulator does the same wherever it stores a message's or a view's blocks.
/// </summary>
internal static class BlockIds
{
    /// <summary>
    /// Gives the blocks without an id one, unique among the blocks and taken from the block's place, so the same blocks
    /// sent again get the same ids (a Home republished unchanged stays the same view); returns the same array.
    /// </summary>
    public static JsonArray? Fill(JsonArray? blocks)
    {
        if (blocks is null)
        {
            return null;
        }
        var taken = blocks.OfType<JsonObject>()
            .Select(b => b["block_id"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var place = 0;
        foreach (var block in blocks.OfType<JsonObject>())
        {
            place++;
            if (block["block_id"] is not null)
            {
                continue;
            }
            var id = $"b{place}";
            for (var again = 2; !taken.Add(id); again++)
            {
                id = $"b{place}-{again}";
            }
            block["block_id"] = id;
        }
        return blocks;
    }

    /// <summary>The same for a view's blocks; returns the same view.</summary>
    public static JsonObject FillView(JsonObject view)
    {
        Fill(view["blocks"] as JsonArray);
        return view;
    }
}
