using System.Text.Json.Nodes;

namespace SlackJit.Tests.Cards;

/// <summary>Reads Block Kit JSON the way Slack would render it: which strings are mrkdwn, which are plain, which are buttons.</summary>
internal static class CardText
{
    /// <summary>Every mrkdwn text object's text (where Slack interprets mentions, links and formatting).</summary>
    public static IReadOnlyList<string> Mrkdwn(JsonArray? blocks) => [.. TextObjects(blocks, "mrkdwn")];

    /// <summary>Every plain_text object's text (shown literally).</summary>
    public static IReadOnlyList<string> Plain(JsonArray? blocks) => [.. TextObjects(blocks, "plain_text")];

    public static string All(JsonArray? blocks) => string.Join('\n', Mrkdwn(blocks).Concat(Plain(blocks)));

    /// <summary>Every button with its action id.</summary>
    public static IReadOnlyList<JsonObject> Buttons(JsonArray? blocks) =>
        [.. Walk(blocks).OfType<JsonObject>().Where(o => (string?)o["type"] == "button")];

    public static JsonObject Button(JsonArray? blocks, string actionId) =>
        Assert.Single(Buttons(blocks), b => (string?)b["action_id"] == actionId);

    private static IEnumerable<string> TextObjects(JsonArray? blocks, string type) =>
        Walk(blocks).OfType<JsonObject>()
            .Where(o => (string?)o["type"] == type && o["text"] is JsonValue)
            .Select(o => (string)o["text"]!);

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }
}
