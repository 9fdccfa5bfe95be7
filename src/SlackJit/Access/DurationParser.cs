using System.Globalization;
using System.Text.RegularExpressions;

namespace SlackJit.Access;

/// <summary>Durations as people type them: <c>30m</c>, <c>2h</c>, <c>1h30m</c>, <c>90m</c> (also <c>2hrs</c>, <c>45min</c>).</summary>
public static partial class DurationParser
{
    // Far above any grant; only here so absurd input is "not a duration" rather than an overflow.
    private static readonly TimeSpan Ceiling = TimeSpan.FromDays(366);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success))
        {
            return false;
        }

        long hours = match.Groups["h"].Success ? long.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        long minutes = match.Groups["m"].Success ? long.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture) : 0;

        // "1h90m" is more likely a typo than a wish for 2h30m.
        if (match.Groups["h"].Success && minutes >= 60)
        {
            return false;
        }

        var total = TimeSpan.FromMinutes((hours * 60) + minutes);
        if (total <= TimeSpan.Zero || total > Ceiling)
        {
            return false;
        }

        duration = total;
        return true;
    }

    /// <summary>The short form used in messages: <c>2h</c>, <c>45m</c>, <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var minutes = (long)Math.Round(duration.TotalMinutes);
        var (h, m) = (minutes / 60, minutes % 60);
        return (h, m) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{m}m"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{h}h"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{h}h{m}m"),
        };
    }

    // Up to 6 digits per part keeps the arithmetic far from overflow. No match timeout: the input is at most
    // 32 characters and the pattern cannot backtrack badly, and a timeout would be an exception out of TryParse
    // on a busy machine.
    [GeneratedRegex(
        @"^(?:(?<h>[0-9]{1,6})(?:h|hr|hrs|hour|hours))?(?:(?<m>[0-9]{1,6})(?:m|min|mins|minute|minutes))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
