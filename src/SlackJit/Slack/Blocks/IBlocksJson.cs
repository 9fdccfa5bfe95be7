using System.Text.Json;

namespace SlackJit.Slack.Blocks;

/// <summary>
/// A message's blocks that write themselves as a JSON array (see <see cref="BlockJson"/>), for an answer rendered
/// once, on the ack path, without building a node tree first.
/// </summary>
public interface IBlocksJson
{
    /// <summary>Writes the blocks array (<c>[ … ]</c>) as the writer's next value.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
