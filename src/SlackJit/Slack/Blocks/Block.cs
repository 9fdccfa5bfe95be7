using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>
/// Layout blocks. Text parameters named <c>mrkdwn</c> take mrkdwn that is already escaped where it holds user text
/// (<see cref="Mrkdwn.Escape(string?)"/>); texts are truncated to Slack's limits, ids that are too long throw.
/// </summary>
public static class Block
{
    public static JsonObject Header(string text, string? blockId = null) =>
        WithId(new JsonObject { ["type"] = "header", ["text"] = TextObject.Plain(text, BlockLimits.HeaderText) }, blockId);

    /// <summary>A section of mrkdwn (≤3000), with optional fields (≤10 × 2000) and an accessory element.</summary>
    public static JsonObject Section(
        string? mrkdwn,
        IEnumerable<string>? fields = null,
        JsonObject? accessory = null,
        string? blockId = null)
    {
        var json = new JsonObject { ["type"] = "section" };
        if (!string.IsNullOrEmpty(mrkdwn))
        {
            json["text"] = TextObject.Mrkdwn(mrkdwn, BlockLimits.SectionText);
        }
        if (fields is not null)
        {
            json["fields"] = FieldArray(fields.Select(f => TextObject.Mrkdwn(f, BlockLimits.FieldText)));
        }
        if (json.Count == 1)
        {
            throw new ArgumentException("A section needs text or fields.", nameof(mrkdwn));
        }
        if (accessory is not null)
        {
            json["accessory"] = accessory;
        }
        return WithId(json, blockId);
    }

    /// <summary>A section of plain text: nothing in it is formatted, mentioned or linked.</summary>
    public static JsonObject PlainSection(string text, string? blockId = null) =>
        WithId(new JsonObject { ["type"] = "section", ["text"] = TextObject.Plain(text, BlockLimits.SectionText) }, blockId);

    /// <summary>Small grey mrkdwn lines (≤10 elements).</summary>
    public static JsonObject Context(params IEnumerable<string> mrkdwnElements)
    {
        var elements = mrkdwnElements.Select(e => (JsonNode)TextObject.Mrkdwn(e, BlockLimits.ContextText)).ToArray();
        if (elements.Length is 0 or > BlockLimits.ContextElements)
        {
            throw new ArgumentException(
                $"A context block needs 1 to {BlockLimits.ContextElements} elements, not {elements.Length}.", nameof(mrkdwnElements));
        }
        return new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(elements) };
    }

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    /// <summary>A row of interactive elements (≤25), e.g. buttons from <see cref="Element.Button"/>.</summary>
    public static JsonObject Actions(string? blockId, params IEnumerable<JsonObject> elements)
    {
        var array = elements.Select(e => (JsonNode)e).ToArray();
        if (array.Length is 0 or > BlockLimits.ActionsElements)
        {
            throw new ArgumentException(
                $"An actions block needs 1 to {BlockLimits.ActionsElements} elements, not {array.Length}.", nameof(elements));
        }
        return WithId(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(array) }, blockId);
    }

    /// <summary>A labelled input for modals; <paramref name="blockId"/> is the key of its value in view state.</summary>
    public static JsonObject Input(string blockId, string label, JsonObject element, bool optional = false, string? hint = null)
    {
        var json = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = Ids.Check(blockId, BlockLimits.Id, "block_id"),
            ["label"] = TextObject.Plain(label, BlockLimits.InputLabel),
            ["element"] = element,
            ["optional"] = optional,
        };
        if (hint is not null)
        {
            json["hint"] = TextObject.Plain(hint, BlockLimits.InputHint);
        }
        return json;
    }

    private static JsonArray FieldArray(IEnumerable<JsonObject> fields)
    {
        var array = fields.Select(f => (JsonNode)f).ToArray();
        if (array.Length > BlockLimits.SectionFields)
        {
            throw new ArgumentException($"A section holds at most {BlockLimits.SectionFields} fields, not {array.Length}.", nameof(fields));
        }
        return new JsonArray(array);
    }

    private static JsonObject WithId(JsonObject block, string? blockId)
    {
        if (blockId is not null)
        {
            block["block_id"] = Ids.Check(blockId, BlockLimits.Id, "block_id");
        }
        return block;
    }
}
