using System.Text.Json.Nodes;

namespace SlackJit.Slack.Api;

/// <summary>
/// What to post: <paramref name="Text"/> is the notification/accessibility fallback Slack wants even with blocks.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray? Blocks = null);
