namespace SlackJit.Access;

/// <summary>
/// A pending request's reminders and escalation: the plan, fixed when the request is created (so a changed setting
/// never re-times a request already waiting), and what has been done so far. Requests stored before reminders
/// existed read as <see cref="None"/>: no reminders, no escalation.
/// </summary>
/// <param name="Interval">Wait between reminders (and between nudges); zero means off.</param>
/// <param name="Max">Most automatic reminders.</param>
/// <param name="EscalateAt">When the card is re-posted for the escalation approvers; null when the entry names none.</param>
/// <param name="Sent">Automatic reminders sent so far.</param>
/// <param name="LastReminderAt">When the last automatic reminder was sent.</param>
/// <param name="NudgedAt">When the requester last nudged.</param>
/// <param name="EscalatedAt">When the escalation was claimed; from then on the escalation approvers may decide.</param>
/// <param name="EscalationChannel">Where the escalated card went, once posted.</param>
/// <param name="EscalationTs">The escalated card's ts, once posted.</param>
public sealed record ReminderState(
    TimeSpan Interval = default,
    int Max = 0,
    DateTimeOffset? EscalateAt = null,
    int Sent = 0,
    DateTimeOffset? LastReminderAt = null,
    DateTimeOffset? NudgedAt = null,
    DateTimeOffset? EscalatedAt = null,
    string? EscalationChannel = null,
    string? EscalationTs = null)
{
    public static readonly ReminderState None = new();

    public bool Escalated => EscalatedAt is not null;
}
