using System.Globalization;

namespace SlackJit.Audit;

/// <summary>
/// Reads <c>--from</c>/<c>--to</c>: a date (<c>2026-10-01</c>, a whole UTC day, so <c>--to 2026-12-31</c> includes
/// that day) or an instant with its offset (<c>2026-10-01T08:00:00Z</c>).
/// </summary>
internal static class AuditDates
{
    public static bool TryParseStart(string text, out DateTimeOffset at) => TryParse(text, endOfDay: false, out at);

    /// <summary>The exclusive end: a date means the end of that day.</summary>
    public static bool TryParseEnd(string text, out DateTimeOffset at) => TryParse(text, endOfDay: true, out at);

    private static bool TryParse(string text, bool endOfDay, out DateTimeOffset at)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (endOfDay)
            {
                at = at.AddDays(1);
            }
            return true;
        }
        // An instant must say its offset: a bare local time would mean different things on different machines.
        bool hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at) && hasOffset && text.Contains('T', StringComparison.OrdinalIgnoreCase);
    }
}
