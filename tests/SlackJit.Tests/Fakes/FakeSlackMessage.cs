using System.Text.Json.Nodes;

namespace SlackJit.Tests.Fakes;

/// <summary>A message as the fake holds it: the latest text and blocks after any <c>chat.update</c>.</summary>
public sealed record FakeSlackMessage(string Channel, string Ts, string? Text, JsonArray? Blocks, int Updates)
{
    /// <summary>All text in the message (fallback and every block), for "does it mention X" assertions.</summary>
    public string AllText => string.Join("\n", Strings(Blocks).Prepend(Text ?? ""));

    // The raw string values (not JSON-escaped), so assertions see exactly what Slack would render.
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
