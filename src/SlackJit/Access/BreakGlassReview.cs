namespace SlackJit.Access;

/// <summary>
/// The review of a break-glass grant: issued without approval at <see cref="IssuedAt"/>, it waits for one approver's
/// acknowledgement until <see cref="ReviewBy"/>. Reminders and escalation meanwhile use the request's
/// <see cref="ReminderState"/>, as a pending request does. Null on every request that was approved the usual way.
/// </summary>
/// <param name="IssuedAt">When the requester broke the glass (the grant's window starts here).</param>
/// <param name="ReviewBy">When an unacknowledged grant becomes overdue.</param>
/// <param name="AcknowledgedBy">The approver who acknowledged it.</param>
/// <param name="AcknowledgedAt">When it was acknowledged.</param>
/// <param name="OverdueAt">When it was marked overdue (once; an acknowledgement may still follow).</param>
/// <param name="CardRetryAt">Set when Slack refused the card: when it is tried again (the last failure + the retry delay).</param>
public sealed record BreakGlassReview(
    DateTimeOffset IssuedAt,
    DateTimeOffset ReviewBy,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null,
    DateTimeOffset? OverdueAt = null,
    DateTimeOffset? CardRetryAt = null)
{
    public bool IsAcknowledged => AcknowledgedBy is not null;

    /// <summary>Something may still be due: neither acknowledged nor marked overdue.</summary>
    public bool IsOpen => AcknowledgedBy is null && OverdueAt is null;
}
