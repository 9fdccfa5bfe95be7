using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.Recording;

/// <summary>
/// One call the emulator received. <see cref="Args"/> holds the JSON body, or the form fields as strings (with
/// <c>blocks</c>/<c>view</c> parsed when they were JSON strings). <see cref="Error"/> is what the emulator answered
/// (<c>null</c> when ok). Recorded when the answer is sent, so a waiter sees the workspace already updated.
/// </summary>
public sealed record SlackCall(
    long Sequence,
    string Method,
    JsonObject Args,
    DateTimeOffset ReceivedAt,
    int Status,
    string? Error)
{
    public bool Ok => Error is null;

    public string? Arg(string name) =>
        Args[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : Args[name]?.ToJsonString();
}
