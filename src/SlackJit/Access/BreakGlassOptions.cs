namespace SlackJit.Access;

/// <summary>
/// <c>Access:BreakGlass</c>: a catalog entry with <c>BreakGlass: true</c> lets a requester issue access at once, without
/// approval, for at most <see cref="MaxDuration"/>; its approvers must acknowledge it within <see cref="ReviewWithin"/>
/// (see docs/BREAK-GLASS.md).
/// </summary>
public sealed class BreakGlassOptions
{
    public const string SectionName = "BreakGlass";
    public static readonly TimeSpan DefaultReviewWithin = TimeSpan.FromHours(24);
    public static readonly TimeSpan DefaultMaxDuration = TimeSpan.FromHours(1);

    /// <summary>The longest review window accepted: a month.</summary>
    public static readonly TimeSpan MaxReviewWithin = TimeSpan.FromDays(30);

    /// <summary>How long the approvers have to acknowledge a break-glass grant before it is marked overdue. Default 24 h.</summary>
    public TimeSpan ReviewWithin { get; set; } = DefaultReviewWithin;

    /// <summary>Longest break-glass grant (the entry's own MaxDuration caps it too). Default 1 h; between 15 min and 12 h.</summary>
    public TimeSpan MaxDuration { get; set; } = DefaultMaxDuration;
}
