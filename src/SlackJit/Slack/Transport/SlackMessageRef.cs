using System.Text.Json.Nodes;

namespace SlackJit.Slack.Transport;

/// <summary>The message a block action came from, as Slack echoes it.</summary>
internal sealed record SlackMessageRef(string? Ts = null, JsonArray? Blocks = null);
