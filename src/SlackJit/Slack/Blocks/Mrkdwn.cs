using System.Globalization;
using System.Text;

namespace SlackJit.Slack.Blocks;

/// <summary>
/// Makes untrusted text safe inside Slack <c>mrkdwn</c>. Escaping <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> is what
/// stops a requester's reason from becoming <c>&lt;!channel&gt;</c>, a mention or a disguised link. Slack has no
/// escape for <c>*bold*</c>/<c>_italic_</c>: text that must not be formatted at all belongs in <c>plain_text</c>.
/// </summary>
public static class Mrkdwn
{
    public const char Ellipsis = '…';

    /// <summary>Sanitises then escapes user text for mrkdwn.</summary>
    public static string Escape(string? text)
    {
        var clean = Sanitize(text);
        if (clean.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return clean;
        }

        var builder = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>Escapes, then truncates to <paramref name="max"/> characters.</summary>
    public static string Escape(string? text, int max) => Truncate(Escape(text), max);

    /// <summary>
    /// Removes control characters (except line feed and tab), Unicode bidi controls that can make text read
    /// differently from what it says (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and lone surrogates.
    /// </summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = true;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                keep = false;
            }
            else if (char.IsLowSurrogate(c) || IsUnsafe(c))
            {
                keep = false;
            }

            if (!keep)
            {
                builder ??= new StringBuilder(text.Length).Append(text, 0, i);
                continue;
            }
            builder?.Append(c);
        }
        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// Shortens already-built mrkdwn to at most <paramref name="max"/> characters ending with '…', never cutting
    /// an entity (<c>&amp;amp;</c>), a token we wrote on purpose (<c>&lt;@U123&gt;</c>, links) or a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = SafeCut(text, max - 1);
        var amp = text.LastIndexOf('&', Math.Max(cut - 1, 0));
        if (amp >= 0 && amp < cut && amp >= cut - 4 && text.IndexOf(';', amp) is var semi && semi >= cut && semi - amp <= 4)
        {
            cut = amp;
        }

        // Escaped user text holds no raw '<', so one that is still open at the cut is a token we wrote.
        var open = text.LastIndexOf('<', Math.Max(cut - 1, 0));
        if (open >= 0 && open < cut && text.IndexOf('>', open) is var close && (close < 0 || close >= cut))
        {
            cut = open;
        }
        return string.Concat(text.AsSpan(0, cut), Ellipsis.ToString());
    }

    /// <summary>Shortens text with no markup (plain_text) without splitting a surrogate pair.</summary>
    public static string TruncatePlain(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, SafeCut(text, max - 1)), Ellipsis.ToString());
    }

    /// <summary>A user mention; anything that is not a Slack user ID is shown as escaped text instead.</summary>
    public static string User(string userId) => IsSlackId(userId, 'U', 'W') ? $"<@{userId}>" : Escape(userId);

    /// <summary>A channel mention; anything that is not a channel ID is shown as escaped text instead.</summary>
    public static string Channel(string channelId) => IsSlackId(channelId, 'C', 'G') ? $"<#{channelId}>" : Escape(channelId);

    /// <summary>A link with an escaped label; only http(s) URLs become links.</summary>
    public static string Link(Uri url, string label)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return Escape(label);
        }
        // '|' would end the URL part early; '<' '>' are already percent-encoded by Uri.
        var target = url.AbsoluteUri.Replace("|", "%7C", StringComparison.Ordinal);
        return $"<{Escape(target)}|{Escape(label)}>";
    }

    private static bool IsSlackId(string id, char first, char second) =>
        id.Length is >= 2 and <= 32
        && (id[0] == first || id[0] == second)
        && id.AsSpan(1).ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") is false;

    private static int SafeCut(string text, int cut) =>
        cut > 0 && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;

    private static bool IsUnsafe(char c) => c switch
    {
        '\n' or '\t' => false,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\u200E' or '\u200F' or '\u061C' => true,
        _ => char.GetUnicodeCategory(c) == UnicodeCategory.Control,
    };
}
