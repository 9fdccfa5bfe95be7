using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>"Are you sure?" dialog shown before a button's action is sent. Texts are plain and truncated.</summary>
public sealed record ConfirmDialog(
    string Title,
    string Text,
    string Confirm = "Confirm",
    string Deny = "Cancel",
    ButtonStyle Style = ButtonStyle.Default)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["title"] = TextObject.Plain(Title, BlockLimits.ConfirmTitle),
            ["text"] = TextObject.Plain(Text, BlockLimits.ConfirmText),
            ["confirm"] = TextObject.Plain(Confirm, BlockLimits.ConfirmButton),
            ["deny"] = TextObject.Plain(Deny, BlockLimits.ConfirmButton),
        };
        if (Style != ButtonStyle.Default)
        {
            json["style"] = Element.StyleName(Style);
        }
        return json;
    }
}
