using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.Workspace;

/// <summary>
/// One open modal view: its id, the user it was opened for (from the trigger), the view JSON as the app last sent
/// it, its place in that user's stack, and the inline errors of the last submission (block_id → message).
/// </summary>
public sealed record EmulatedView(
    string Id,
    string? UserId,
    JsonObject View,
    string Hash,
    IReadOnlyDictionary<string, string> Errors)
{
    public string? CallbackId => View["callback_id"]?.GetValue<string>();
}
