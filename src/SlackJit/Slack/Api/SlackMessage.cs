using System.Text.Json.Nodes;

namespace SlackJit.Slack.Api;

/// <summary>
/// What to post: <paramref name="Text"/> is the notification/accessibility fallback Slack wants even with blocks.
/// <paramref name="ThreadTs"/> makes a <c>chat.postMessage</c> a reply in that message's thread.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray? Blocks = null, string? ThreadTs = null);
