using System.Text.Json.Nodes;

namespace SlackJit.Slack.Blocks;

/// <summary>Block Kit text objects, truncated to the limit of the field they go into.</summary>
public static class TextObject
{
    /// <summary>A mrkdwn text object from already-escaped mrkdwn (see <see cref="Mrkdwn"/>).</summary>
    public static JsonObject Mrkdwn(string mrkdwn, int max) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = Blocks.Mrkdwn.Truncate(mrkdwn, max),
    };

    /// <summary>A plain_text object: no formatting, mentions or links are ever interpreted in it.</summary>
    public static JsonObject Plain(string text, int max, bool emoji = true) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Blocks.Mrkdwn.TruncatePlain(Blocks.Mrkdwn.Sanitize(text), max),
        ["emoji"] = emoji,
    };
}
