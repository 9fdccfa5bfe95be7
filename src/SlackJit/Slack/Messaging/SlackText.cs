namespace SlackJit.Slack.Messaging;

/// <summary>Small pieces of mrkdwn the messages share.</summary>
internal static class SlackText
{
    /// <summary>A mention of a user (<c>&lt;@U…&gt;</c>), or "someone" when nobody is known.</summary>
    public static string Mention(string? userId) => string.IsNullOrEmpty(userId) ? "someone" : $"<@{userId}>";

    /// <summary>Input echoed in a code span: clipped and inert (<see cref="Access.InputText.Clip"/>).</summary>
    public static string Code(string input, int limit = Access.InputText.EchoLimit) => $"`{Access.InputText.Clip(input, limit)}`";

    /// <summary>A mention of an approver: a user (<c>&lt;@U…&gt;</c>) or a user group (<c>&lt;!subteam^S…&gt;</c>); anything else is escaped.</summary>
    public static string ApproverMention(string id) =>
        id.Length > 1 && id[0] == 'S' && id.All(char.IsAsciiLetterOrDigit) ? $"<!subteam^{id}>" : Blocks.Mrkdwn.User(id);

    public static string Plural(int count, string one, string many) => count == 1 ? $"{count} {one}" : $"{count} {many}";
}
