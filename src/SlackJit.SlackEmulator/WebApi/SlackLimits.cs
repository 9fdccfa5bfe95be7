using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary>
/// Slack's Block Kit checks, applied the way Slack applies them: any bad block rejects the whole message with
/// <c>invalid_blocks</c> (or the whole view with <c>invalid_arguments</c>). Numbers are Slack's, not ours.
/// </summary>
public static class SlackLimits
{
    public const int MessageText = 40_000;
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;

    private static readonly HashSet<string> MessageBlockTypes = ["section", "header", "context", "divider", "actions", "image", "rich_text"];
    private static readonly HashSet<string> ModalBlockTypes = [.. MessageBlockTypes, "input"];

    /// <summary>Checks text + blocks of a post or update; null when Slack would accept it.</summary>
    public static string? CheckMessage(JsonObject args)
    {
        var text = Str(args, "text");
        var blocks = args["blocks"];
        if (text is { Length: > MessageText })
        {
            return "msg_too_long";
        }
        var hasBlocks = blocks is JsonArray { Count: > 0 };
        if (string.IsNullOrEmpty(text) && !hasBlocks)
        {
            return "no_text";
        }
        if (blocks is null)
        {
            return null;
        }
        return blocks is JsonArray array && array.Count <= MessageBlocks && array.All(b => ValidBlock(b, MessageBlockTypes))
            ? null
            : "invalid_blocks";
    }

    /// <summary>Checks a view for views.open, views.update and views.push; null when Slack would accept it.</summary>
    public static string? CheckView(JsonNode? node)
    {
        if (node is not JsonObject view
            || Str(view, "type") != "modal"
            || !PlainText(view["title"], 24)
            || (view["submit"] is { } submit && !PlainText(submit, 24))
            || (view["close"] is { } close && !PlainText(close, 24))
            || Str(view, "private_metadata") is { Length: > 3000 }
            || Str(view, "callback_id") is { Length: > 255 }
            || view["blocks"] is not JsonArray blocks
            || blocks.Count > ModalBlocks
            || !blocks.All(b => ValidBlock(b, ModalBlockTypes)))
        {
            return "invalid_arguments";
        }
        // Slack refuses a modal with inputs and no submit button.
        var hasInput = blocks.Any(b => Str(b as JsonObject, "type") == "input");
        return hasInput && view["submit"] is null ? "invalid_arguments" : null;
    }

    private static bool ValidBlock(JsonNode? node, HashSet<string> allowed)
    {
        if (node is not JsonObject block || Str(block, "type") is not { } type || !allowed.Contains(type)
            || Str(block, "block_id") is { Length: > 255 })
        {
            return false;
        }
        return type switch
        {
            "section" => ValidSection(block),
            "header" => PlainText(block["text"], 150),
            "context" => block["elements"] is JsonArray { Count: > 0 and <= 10 } elements
                && elements.All(e => TextObject(e, 3000) || Str(e as JsonObject, "type") == "image"),
            "actions" => block["elements"] is JsonArray { Count: > 0 and <= 25 } elements && elements.All(ValidElement),
            "input" => PlainText(block["label"], 2000) && ValidElement(block["element"]),
            _ => true,
        };
    }

    private static bool ValidSection(JsonObject block)
    {
        var text = block["text"];
        var fields = block["fields"];
        if (text is null && fields is null)
        {
            return false;
        }
        if (text is not null && !TextObject(text, 3000))
        {
            return false;
        }
        if (fields is not null && !(fields is JsonArray { Count: > 0 and <= 10 } array && array.All(f => TextObject(f, 2000))))
        {
            return false;
        }
        return block["accessory"] is not { } accessory || ValidElement(accessory);
    }

    private static bool ValidElement(JsonNode? node)
    {
        if (node is not JsonObject element || Str(element, "action_id") is { Length: > 255 })
        {
            return false;
        }
        return Str(element, "type") switch
        {
            "button" => PlainText(element["text"], 75)
                && Str(element, "value") is not { Length: > 2000 }
                && Str(element, "url") is not { Length: > 3000 }
                && Str(element, "style") is null or "primary" or "danger"
                && (element["confirm"] is not { } confirm || ValidConfirm(confirm)),
            "static_select" => element["options"] is JsonArray { Count: > 0 and <= 100 } options
                && options.All(o => o is JsonObject option && PlainText(option["text"], 75) && Str(option, "value") is { Length: > 0 and <= 150 }),
            "checkboxes" => element["options"] is JsonArray { Count: > 0 and <= 10 } boxes
                && boxes.All(o => o is JsonObject option && TextObject(option["text"], 75) && Str(option, "value") is { Length: > 0 and <= 150 }),
            "plain_text_input" => true,
            "image" or "overflow" or "datepicker" or "users_select" or "conversations_select" or "multi_static_select" => true,
            _ => false,
        };
    }

    private static bool ValidConfirm(JsonNode node) =>
        node is JsonObject confirm
        && PlainText(confirm["title"], 100)
        && TextObject(confirm["text"], 300)
        && PlainText(confirm["confirm"], 30)
        && PlainText(confirm["deny"], 30);

    private static bool PlainText(JsonNode? node, int max) =>
        node is JsonObject text && Str(text, "type") == "plain_text" && Str(text, "text") is { Length: > 0 } value && value.Length <= max;

    private static bool TextObject(JsonNode? node, int max) =>
        node is JsonObject text && Str(text, "type") is "plain_text" or "mrkdwn"
        && Str(text, "text") is { Length: > 0 } value && value.Length <= max;

    public static string? Str(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
