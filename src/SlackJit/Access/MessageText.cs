using System.Globalization;

namespace SlackJit.Access;

/// <summary>Small helpers for the messages the domain writes to people.</summary>
internal static class MessageText
{
    /// <summary>Echoed input is clipped so a hostile paste cannot flood a reply.</summary>
    public const int EchoLimit = 80;

    public static string Mention(string? userId) => string.IsNullOrEmpty(userId) ? "someone" : $"<@{userId}>";

    /// <summary>
    /// Input echoed back: clipped, without control or invisible formatting characters that could garble the reply,
    /// and with angle brackets shown as ‹ › so echoed text can never form a Slack mention or link
    /// (<c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c>, <c>&lt;https://…|…&gt;</c>) in any reply, mrkdwn or plain.
    /// </summary>
    public static string Clip(string text, int limit = EchoLimit)
    {
        var visible = text.Any(IsInvisible) ? string.Concat(text.Where(c => !IsInvisible(c))) : text;
        visible = visible.Replace('<', '‹').Replace('>', '›');
        return visible.Length <= limit ? visible : string.Concat(visible.AsSpan(0, limit), "…");
    }

    private static bool IsInvisible(char c) => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    public static string Plural(int count, string one, string many) => count == 1 ? $"{count} {one}" : $"{count} {many}";
}
