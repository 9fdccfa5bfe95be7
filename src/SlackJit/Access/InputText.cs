using System.Globalization;

namespace SlackJit.Access;

/// <summary>Input shown back to people (in replies and in start-up errors): clipped and inert.</summary>
public static class InputText
{
    /// <summary>Echoed input is clipped so a hostile paste cannot flood a reply.</summary>
    public const int EchoLimit = 80;

    /// <summary>
    /// Input echoed back: clipped, without control or invisible formatting characters that could garble the reply,
    /// and with angle brackets shown as ‹ › so echoed text can never form markup (a mention or a link such as
    /// <c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c>, <c>&lt;https://…|…&gt;</c>) wherever it is shown.
    /// </summary>
    public static string Clip(string text, int limit = EchoLimit)
    {
        var visible = text.Any(IsInvisible) ? string.Concat(text.Where(c => !IsInvisible(c))) : text;
        visible = visible.Replace('<', '‹').Replace('>', '›');
        return visible.Length <= limit ? visible : string.Concat(visible.AsSpan(0, limit), "…");
    }

    private static bool IsInvisible(char c) => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
