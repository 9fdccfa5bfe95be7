using System.Text.Json.Nodes;

namespace SlackJit.Slack.Transport;

/// <summary>The message a block action came from, as Slack echoes it (its place is <see cref="Api.SlackMessageRef"/>).</summary>
internal sealed record SlackEchoedMessage(string? Ts = null, JsonArray? Blocks = null);
