using System.Globalization;
using SlackJit.Access;

namespace SlackJit.Grants;

/// <summary>Times as Slack shows them: in each reader's own time zone, with a UTC fallback.</summary>
internal static class SlackTime
{
    /// <summary>Slack's date token, e.g. "Mar 2 at 10:00" in the reader's zone.</summary>
    public static string Date(DateTimeOffset at) => string.Create(
        CultureInfo.InvariantCulture,
        $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC>");

    /// <summary>"in 1h", "in 45m", "in under a minute", or "now".</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var left = at - now;
        if (left <= TimeSpan.Zero)
        {
            return "now";
        }
        return left < TimeSpan.FromMinutes(1) ? "in under a minute" : "in " + DurationParser.Format(left);
    }

    /// <summary>For plain-text fallbacks (notifications), where Slack's date token is not rendered.</summary>
    public static string Utc(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
}
