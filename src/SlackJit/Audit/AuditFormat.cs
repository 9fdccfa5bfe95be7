using System.Globalization;
using System.Xml;

namespace SlackJit.Audit;

/// <summary>How exports write values: UTC ISO 8601 times and ISO 8601 durations, the same in CSV and JSON.</summary>
internal static class AuditFormat
{
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Time(DateTimeOffset? at) => at is { } value ? Time(value) : null;

    /// <summary>e.g. <c>PT2H</c>, <c>PT1H30M</c>.</summary>
    public static string Duration(TimeSpan duration) => XmlConvert.ToString(duration);

    /// <summary>For people (the report): <c>2h 05m</c>, <c>4m 12s</c>, <c>0s</c>.</summary>
    public static string Human(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }
        return duration.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m")
            : duration.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes}m {duration.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds}s");
    }
}
