namespace SlackJit.Access;

/// <summary>
/// <c>Access:Reminders</c>: while a request is pending, SlackJit replies in its card's thread mentioning the
/// approvers who have not decided yet (see docs/REMINDERS.md).
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";
    public const int DefaultMax = 3;
    public const int MaxCeiling = 50;
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);

    /// <summary>Wait before the first reminder and between reminders (also the least time between nudges). Default 15 min; <c>00:00:00</c> turns reminders and nudges off.</summary>
    public TimeSpan Interval { get; set; } = DefaultInterval;

    /// <summary>Most reminders one request gets. Default 3; 0 to 50.</summary>
    public int Max { get; set; } = DefaultMax;
}
