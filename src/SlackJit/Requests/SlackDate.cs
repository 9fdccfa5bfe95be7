using System.Globalization;

namespace SlackJit.Requests;

/// <summary>
/// Times in messages: Slack's <c>&lt;!date^epoch^format|fallback&gt;</c> shows each reader their own time zone;
/// the fallback (UTC) is for clients and notifications that cannot render it.
/// </summary>
internal static class SlackDate
{
    /// <summary>e.g. "Mar 2nd, 2026 at 10:00 AM" for the reader; "2026-03-02 10:00 UTC" as fallback.</summary>
    public static string DateTime(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{Fallback(at)}>");

    /// <summary>e.g. "10:00 AM" for the reader (today is implied); "10:00 UTC" as fallback.</summary>
    public static string Time(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{time}}|{at.UtcDateTime:HH:mm} UTC>");

    /// <summary>The plain form, for plain_text and notification fallbacks.</summary>
    public static string Fallback(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
