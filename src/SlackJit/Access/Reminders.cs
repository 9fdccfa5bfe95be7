namespace SlackJit.Access;

/// <summary>
/// When a pending request's next reminder or escalation is due, and whom a reminder names. Pure: everything comes
/// from the request (its <see cref="ReminderState"/>) and the catalog entry.
/// </summary>
public static class Reminders
{
    /// <summary>
    /// How long a claimed escalation may stay without its card before another sweep posts it (a crash between the
    /// claim and the post). Longer than one Slack call with its retries.
    /// </summary>
    public static readonly TimeSpan EscalationLease = TimeSpan.FromMinutes(2);

    /// <summary>The plan for a new request: the interval and count from <c>Access:Reminders</c>, the escalation time from the entry.</summary>
    public static ReminderState Plan(AccessOptions options, ResourceOptions resource, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resource);
        var reminders = options.Reminders ?? new ReminderOptions();
        var escalateAt = resource.EscalateAfter is { } after && after > TimeSpan.Zero && (resource.EscalationApprovers?.Count ?? 0) > 0
            ? createdAt + after
            : (DateTimeOffset?)null;
        return new ReminderState(reminders.Interval, reminders.Max, escalateAt);
    }

    /// <summary>When the next automatic reminder is due; null when reminders are off or all were sent.</summary>
    public static DateTimeOffset? NextReminderAt(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = request.Reminders;
        return state.Interval <= TimeSpan.Zero || state.Sent >= state.Max
            ? null
            : (state.LastReminderAt ?? request.CreatedAt) + state.Interval;
    }

    /// <summary>When escalation is due: at its time, or again after a claim whose card never got posted; null otherwise.</summary>
    public static DateTimeOffset? EscalationDueAt(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = request.Reminders;
        if (state.EscalateAt is not { } at || state.EscalationTs is not null)
        {
            return null;
        }
        return state.EscalatedAt is { } claimed ? claimed + EscalationLease : at;
    }

    /// <summary>When the next requester nudge is allowed; null when nudges are off (no interval).</summary>
    public static DateTimeOffset? NextNudgeAt(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = request.Reminders;
        if (state.Interval <= TimeSpan.Zero)
        {
            return null;
        }
        return state.NudgedAt is { } last ? last + state.Interval : request.CreatedAt;
    }

    /// <summary>
    /// When a pending request must next be looked at: the earliest of its deadline, its next reminder and its
    /// escalation. Only the card's existence is assumed: without a card there is no thread to remind in.
    /// </summary>
    public static DateTimeOffset NextDue(AccessRequest request) => NextDue(request, request.Deadline);

    /// <summary>The earliest of <paramref name="deadline"/>, the next reminder and the escalation (a break-glass review's deadline is its own).</summary>
    public static DateTimeOffset NextDue(AccessRequest request, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(request);
        var due = deadline;
        foreach (var at in new[] { NextReminderAt(request), EscalationDueAt(request) })
        {
            if (at is { } t && t < due)
            {
                due = t;
            }
        }
        return due;
    }

    /// <summary>
    /// The approvers a reminder names: the entry's approvers (and, once escalated, its escalation approvers) who have
    /// not approved yet, without the requester unless they may approve themselves. User groups stay groups.
    /// </summary>
    public static IReadOnlyList<string> Undecided(ResourceOptions resource, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        var escalation = request.Reminders.Escalated ? resource.EscalationApprovers ?? [] : [];
        return resource.Approvers
            .Concat(escalation)
            .Distinct(StringComparer.Ordinal)
            .Where(a => !request.Approvals.Exists(x => x.ApproverId == a))
            .Where(a => a != request.Requester.UserId || resource.AllowSelfApproval)
            .ToList();
    }
}
