using System.Text.Json.Nodes;

namespace SlackJit.SlackEmulator.WebApi;

/// <summary>Slack's answer envelopes.</summary>
internal static class Answers
{
    public static JsonObject Ok() => new() { ["ok"] = true };

    public static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    public static JsonArray? Blocks(JsonObject args) => args["blocks"] is JsonArray blocks ? Workspace.BlockIds.Fill(blocks.DeepClone().AsArray()) : null;

    public static string? Str(JsonObject? args, string name) => SlackLimits.Str(args, name);
}
