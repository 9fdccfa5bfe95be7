using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.Workspace;

/// <summary>
/// A message as the workspace holds it: the latest text and blocks after any <c>chat.update</c>.
/// <see cref="VisibleTo"/> is set for an ephemeral message (one user sees it, "Only visible to you").
/// <see cref="UserId"/> is the author when a person wrote it (a slash command echoed in the channel); null for the app.
/// </summary>
public sealed record EmulatedMessage(
    string Channel,
    string Ts,
    string? Text,
    JsonArray? Blocks,
    int Updates,
    string? VisibleTo = null,
    string? UserId = null)
{
    public bool IsEphemeral => VisibleTo is not null;

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
