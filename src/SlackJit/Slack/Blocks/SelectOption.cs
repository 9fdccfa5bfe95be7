using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>One option of a select menu: shown text (truncated) and the value sent back (ours; too long throws).</summary>
public sealed record SelectOption(string Text, string Value)
{
    public JsonObject ToJson() => new()
    {
        ["text"] = TextObject.Plain(Text, BlockLimits.OptionText),
        ["value"] = Ids.Check(Value, BlockLimits.OptionValue, "option value"),
    };
}
