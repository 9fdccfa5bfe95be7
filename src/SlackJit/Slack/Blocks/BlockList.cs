using System.Collections;
using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>
/// The blocks of one message (≤50), modal (≤100) or Home tab (≤100). Going past the limit is our bug, so <see cref="Add"/> throws
/// rather than letting Slack reject the whole message later. Supports collection initialisers.
/// </summary>
public sealed class BlockList : IEnumerable<JsonObject>
{
    private readonly List<JsonObject> _blocks = [];

    public BlockList(int maxBlocks = BlockLimits.MessageBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocks, 1);
        MaxBlocks = maxBlocks;
    }

    public static BlockList ForMessage() => new(BlockLimits.MessageBlocks);

    public static BlockList ForModal() => new(BlockLimits.ModalBlocks);

    public static BlockList ForHome() => new(BlockLimits.HomeBlocks);

    public int MaxBlocks { get; }

    public int Count => _blocks.Count;

    public BlockList Add(JsonObject block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (_blocks.Count >= MaxBlocks)
        {
            throw new InvalidOperationException($"Slack allows at most {MaxBlocks} blocks here.");
        }
        _blocks.Add(block);
        return this;
    }

    public BlockList AddRange(IEnumerable<JsonObject> blocks)
    {
        foreach (var block in blocks)
        {
            Add(block);
        }
        return this;
    }

    /// <summary>A fresh array (deep copies), so one list can be sent more than once.</summary>
    public JsonArray ToJsonArray() => new([.. _blocks.Select(b => b.DeepClone())]);

    /// <summary>
    /// The blocks themselves moved into an array, without copying them: for a list built for one message.
    /// The list is empty afterwards.
    /// </summary>
    public JsonArray MoveToJsonArray()
    {
        var array = new JsonArray([.. _blocks]);
        _blocks.Clear();
        return array;
    }

    public IEnumerator<JsonObject> GetEnumerator() => _blocks.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
