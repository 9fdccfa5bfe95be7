using System.Globalization;

namespace SlackJit.Slack.Messaging;

/// <summary>
/// Times in messages: Slack's <c>&lt;!date^epoch^format|fallback&gt;</c> shows each reader their own time zone;
/// the fallback (UTC) is for clients and notifications that cannot render it.
/// </summary>
internal static class SlackDates
{
    /// <summary>e.g. "Mar 2nd, 2026 at 10:00 AM" for the reader; "2026-03-02 10:00 UTC" as fallback (the card and replies).</summary>
    public static string DateTime(DateTimeOffset at) => Token(at, "{date_short_pretty} {time}", Utc(at));

    /// <summary>e.g. "Mar 2 at 10:00" for the reader; "2026-03-02 10:00 UTC" as fallback (the requester's DM).</summary>
    public static string DateAtTime(DateTimeOffset at) => Token(at, "{date_short_pretty} at {time}", Utc(at));

    /// <summary>e.g. "10:00 AM" for the reader (today is implied); "10:00 UTC" as fallback.</summary>
    public static string Time(DateTimeOffset at) =>
        Token(at, "{time}", string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:HH:mm} UTC"));

    /// <summary>The plain form, for plain_text and notification fallbacks: "2026-03-02 10:00 UTC".</summary>
    public static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"in 1h", "in 45m", "in under a minute", or "now".</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var left = at - now;
        if (left <= TimeSpan.Zero)
        {
            return "now";
        }
        return left < TimeSpan.FromMinutes(1) ? "in under a minute" : "in " + Access.DurationParser.Format(left);
    }

    private static string Token(DateTimeOffset at, string format, string fallback) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{format}|{fallback}>");
}
