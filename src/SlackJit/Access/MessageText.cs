namespace SlackJit.Access;

/// <summary>Small helpers for the messages the domain writes to people.</summary>
internal static class MessageText
{
    /// <summary>Echoed input is clipped so a hostile paste cannot flood a reply.</summary>
    public const int EchoLimit = 80;

    public static string Mention(string? userId) => string.IsNullOrEmpty(userId) ? "someone" : $"<@{userId}>";

    public static string Clip(string text, int limit = EchoLimit) =>
        text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit), "…");

    public static string Plural(int count, string one, string many) => count == 1 ? $"{count} {one}" : $"{count} {many}";
}
