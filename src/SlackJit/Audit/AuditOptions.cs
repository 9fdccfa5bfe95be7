namespace SlackJit.Audit;

/// <summary>The <c>Audit</c> section: the compliance report posted on a schedule (off unless a channel is set).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    public static readonly TimeSpan DefaultReportEvery = TimeSpan.FromDays(7);
    public static readonly TimeSpan MinReportEvery = TimeSpan.FromHours(1);
    /// <summary>A timer cannot wait longer than about 49 days; a month is the longest schedule.</summary>
    public static readonly TimeSpan MaxReportEvery = TimeSpan.FromDays(31);

    /// <summary>Channel ID (<c>C…</c> or <c>G…</c>) the report is posted to. Unset (default): no scheduled report.</summary>
    public string? ReportChannel { get; set; }

    /// <summary>How often, each report covering the requests created in the period just ended. Default 7 days; 1 h to 31 days.</summary>
    public TimeSpan ReportEvery { get; set; } = DefaultReportEvery;
}
