using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace SlackJit.Access;

/// <summary>
/// Reads <c>&lt;bucket&gt;[/&lt;prefix&gt;] [&lt;duration&gt;] [&lt;reason…&gt;]</c>. The second word is the
/// duration only if it parses as one; otherwise it starts the reason. The <c>--break-glass</c> flag may stand anywhere
/// (as a word of its own; Slack's autocorrected dash forms too) and is taken out before the rest is read. Only the
/// shape is checked here; whether the bucket, prefix, duration and reason are acceptable (and whether the entry allows
/// break-glass) is <see cref="AccessPolicy"/>'s call.
/// </summary>
public static class RequestParser
{
    /// <summary>The flag that issues without approval; also matched after Slack turns its dashes into an en or em dash.</summary>
    public const string BreakGlassFlag = "--break-glass";

    private static readonly string[] BreakGlassSpellings = [BreakGlassFlag, "\u2014break-glass", "\u2013break-glass"];

    private const string S3Scheme = "s3://";

    /// <summary>Reads the command's text; on false, <paramref name="problem"/> says what is missing (worded by the caller).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ParsedRequest? request, out ParseProblem problem)
    {
        request = null;
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var breakGlass = Array.Exists(words, IsBreakGlassFlag);
        if (breakGlass)
        {
            words = Array.FindAll(words, w => !IsBreakGlassFlag(w));
        }
        if (words.Length == 0)
        {
            problem = breakGlass ? ParseProblem.OnlyBreakGlass : ParseProblem.Empty;
            return false;
        }

        if (!TryParseTarget(words[0], out var bucket, out var prefix))
        {
            problem = ParseProblem.NoBucket;
            return false;
        }

        TimeSpan? duration = null;
        var reasonStart = 1;
        if (words.Length > 1 && DurationParser.TryParse(words[1], out var parsed))
        {
            duration = parsed;
            reasonStart = 2;
        }

        request = new ParsedRequest(bucket, prefix, duration, CleanReason(words, reasonStart), breakGlass);
        problem = ParseProblem.None;
        return true;
    }

    private static bool IsBreakGlassFlag(string word)
    {
        foreach (var spelling in BreakGlassSpellings)
        {
            if (string.Equals(word, spelling, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Splits <c>bucket/prefix</c> (an <c>s3://</c> in front is fine), e.g. from the modal's field; false when no bucket is named.</summary>
    public static bool TryParseTarget(string? target, out string bucket, out string prefix)
    {
        bucket = "";
        prefix = "";
        var text = (target ?? "").Trim();
        if (text.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[S3Scheme.Length..];
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        bucket = slash < 0 ? text : text[..slash];
        prefix = slash < 0 ? "" : text[(slash + 1)..];
        return bucket.Length > 0;
    }

    /// <summary>One line for the approval card: whitespace collapsed, control and direction characters dropped.</summary>
    public static string CleanReason(IEnumerable<string> words) =>
        string.Join(' ', words.Select(StripInvisible).Where(w => w.Length > 0));

    // The words from start on, joined by single spaces; each command goes through here, and a reason rarely holds an
    // invisible character, so the words are joined as they are unless one does.
    private static string CleanReason(string[] words, int start)
    {
        for (var i = start; i < words.Length; i++)
        {
            if (words[i].AsSpan().ContainsAny(Invisible))
            {
                return CleanReason(words.Skip(start));
            }
        }
        return start >= words.Length ? "" : string.Join(' ', words, start, words.Length - start);
    }

    public static string CleanReason(string? reason) =>
        CleanReason((reason ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string StripInvisible(string word) =>
        word.AsSpan().ContainsAny(Invisible) ? string.Concat(word.Where(c => !IsInvisible(c))) : word;

    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsInvisible).ToArray());

    // Right-to-left overrides and the like could make a card read differently from what was typed.
    private static bool IsInvisible(char c) =>
        char.IsControl(c) || c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
