using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>
/// One Socket Mode text message: <c>hello</c>, <c>disconnect</c> (with <c>reason</c>), or an envelope
/// (<c>envelope_id</c>, <c>type</c>, <c>payload</c>, <c>accepts_response_payload</c>).
/// </summary>
internal sealed record SocketModeMessage(
    string Type,
    string? Reason = null,
    string? EnvelopeId = null,
    JsonElement Payload = default,
    bool AcceptsResponsePayload = false)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SocketModeMessage? message)
    {
        message = null;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "type") is not { } type)
            {
                return false;
            }
            message = new SocketModeMessage(
                type,
                String(root, "reason"),
                String(root, "envelope_id"),
                // Cloned: the envelope is handled after this document is gone.
                root.TryGetProperty("payload", out var payload) ? payload.Clone() : default,
                root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: valid JSON escaping a lone surrogate ("\ud800"), which GetString refuses.
            return false;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
