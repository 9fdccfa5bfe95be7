using System.Globalization;

namespace SlackJit.Access;

/// <summary>
/// What a prefix may hold, for the catalog and for requests alike. A prefix is used as-is in the
/// session policy, so anything IAM would read as a pattern or a variable is refused.
/// </summary>
public static class PrefixRules
{
    /// <summary>Null when the prefix is fine; otherwise what is wrong, to follow the prefix in a sentence.</summary>
    public static string? Problem(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > ResourceOptions.MaxPrefixLength)
        {
            return $"is longer than {ResourceOptions.MaxPrefixLength} characters";
        }

        if (prefix.StartsWith('/'))
        {
            return "starts with /; S3 keys have no leading slash";
        }

        if (prefix.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            return "contains a wildcard (* or ?); ask for a plain prefix such as reports/2024/";
        }

        if (prefix.Contains("..", StringComparison.Ordinal))
        {
            return "contains ..";
        }

        // ${…} is an IAM policy variable; it would be substituted, not matched.
        if (prefix.Contains("${", StringComparison.Ordinal))
        {
            return "contains ${";
        }

        // Quotes and backslashes double when JSON-escaped and are on S3's list of characters to avoid.
        if (prefix.AsSpan().IndexOfAny('"', '\\') >= 0)
        {
            return "contains a quote or a backslash";
        }

        if (HasUnpairedSurrogate(prefix))
        {
            return "contains an invalid character";
        }

        // Invisible formatting (e.g. right-to-left overrides) could make an approval card lie about the prefix.
        if (prefix.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            return "contains a control or invisible formatting character";
        }

        // A prefix is shown in code spans and single lines on cards and in DMs: a backtick or a line break would
        // end them early, and a space would make the slash command read two words.
        if (prefix.Any(char.IsWhiteSpace))
        {
            return "contains a space or a line break; S3 prefixes requested here cannot";
        }

        return prefix.Contains('`', StringComparison.Ordinal) ? "contains a backtick" : null;
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
