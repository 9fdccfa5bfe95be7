using System.Text.Json;

namespace SlackJit.Slack.Blocks;

/// <summary>
/// The blocks of an answer on the ack path, written straight to JSON (UTF-8) instead of built as a node tree
/// (<see cref="Block"/>, <see cref="Element"/>): the same JSON, property for property, with the same truncation and
/// id checks. Only the kinds the ack uses: a mrkdwn section, and an actions row of buttons.
/// </summary>
public static class BlockJson
{
    /// <summary>As <see cref="Block.Section"/> with text only.</summary>
    public static void Section(Utf8JsonWriter writer, string mrkdwn, string? blockId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (string.IsNullOrEmpty(mrkdwn))
        {
            throw new ArgumentException("A section needs text or fields.", nameof(mrkdwn));
        }
        writer.WriteStartObject();
        writer.WriteString("type", "section");
        writer.WritePropertyName("text");
        MrkdwnText(writer, mrkdwn, BlockLimits.SectionText);
        BlockId(writer, blockId);
        writer.WriteEndObject();
    }

    /// <summary>As <see cref="Block.Actions"/> with buttons (<see cref="Element.Button"/>).</summary>
    public static void Actions(Utf8JsonWriter writer, string? blockId, params ReadOnlySpan<ButtonJson> buttons)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (buttons.Length is 0 or > BlockLimits.ActionsElements)
        {
            throw new ArgumentException(
                $"An actions block needs 1 to {BlockLimits.ActionsElements} elements, not {buttons.Length}.", nameof(buttons));
        }
        writer.WriteStartObject();
        writer.WriteString("type", "actions");
        writer.WriteStartArray("elements");
        foreach (var button in buttons)
        {
            Button(writer, button);
        }
        writer.WriteEndArray();
        BlockId(writer, blockId);
        writer.WriteEndObject();
    }

    private static void Button(Utf8JsonWriter writer, in ButtonJson button)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "button");
        writer.WriteString("action_id", Ids.Check(button.ActionId, BlockLimits.Id, "action_id"));
        writer.WritePropertyName("text");
        PlainText(writer, button.Text, BlockLimits.ButtonText);
        if (button.Value is not null)
        {
            writer.WriteString("value", Ids.Check(button.Value, BlockLimits.ButtonValue, "button value"));
        }
        if (button.Style != ButtonStyle.Default)
        {
            writer.WriteString("style", Element.StyleName(button.Style));
        }
        if (button.Confirm is { } confirm)
        {
            writer.WriteStartObject("confirm");
            writer.WritePropertyName("title");
            PlainText(writer, confirm.Title, BlockLimits.ConfirmTitle);
            writer.WritePropertyName("text");
            PlainText(writer, confirm.Text, BlockLimits.ConfirmText);
            writer.WritePropertyName("confirm");
            PlainText(writer, confirm.Confirm, BlockLimits.ConfirmButton);
            writer.WritePropertyName("deny");
            PlainText(writer, confirm.Deny, BlockLimits.ConfirmButton);
            if (confirm.Style != ButtonStyle.Default)
            {
                writer.WriteString("style", Element.StyleName(confirm.Style));
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    // As TextObject.Mrkdwn and TextObject.Plain.
    private static void MrkdwnText(Utf8JsonWriter writer, string mrkdwn, int max)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "mrkdwn");
        writer.WriteString("text", Mrkdwn.Truncate(mrkdwn, max));
        writer.WriteEndObject();
    }

    private static void PlainText(Utf8JsonWriter writer, string text, int max)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "plain_text");
        writer.WriteString("text", Mrkdwn.TruncatePlain(Mrkdwn.Sanitize(text), max));
        writer.WriteBoolean("emoji", true);
        writer.WriteEndObject();
    }

    private static void BlockId(Utf8JsonWriter writer, string? blockId)
    {
        if (blockId is not null)
        {
            writer.WriteString("block_id", Ids.Check(blockId, BlockLimits.Id, "block_id"));
        }
    }
}
