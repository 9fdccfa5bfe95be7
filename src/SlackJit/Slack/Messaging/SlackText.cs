namespace SlackJit.Slack.Messaging;

/// <summary>Small pieces of mrkdwn the messages share.</summary>
internal static class SlackText
{
    /// <summary>A mention of a user (<c>&lt;@U…&gt;</c>), or "someone" when nobody is known.</summary>
    public static string Mention(string? userId) => string.IsNullOrEmpty(userId) ? "someone" : $"<@{userId}>";

    /// <summary>Input echoed in a code span: clipped and inert (<see cref="Access.InputText.Clip"/>).</summary>
    public static string Code(string input, int limit = Access.InputText.EchoLimit) => $"`{Access.InputText.Clip(input, limit)}`";

    public static string Plural(int count, string one, string many) => count == 1 ? $"{count} {one}" : $"{count} {many}";
}
