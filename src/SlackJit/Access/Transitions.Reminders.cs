namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// Claims the next automatic reminder of a pending request (or of a break-glass grant's open review): counts it and
    /// moves the due time on. Written before the reminder is posted, so two sweepers never post the same one (a crash
    /// in between loses it: at most once).
    /// </summary>
    public static TransitionDecision Remind(AccessRequest request, DateTimeOffset now)
    {
        if (CheckFollowUpOpen(request, now) is { } refusal)
        {
            return refusal;
        }
        if (Reminders.NextReminderAt(request) is not { } due || now < due || request.Slack.CardTs is null)
        {
            return new Refusal(RefusalReason.NotDue, Facts(request) with { At = Reminders.NextReminderAt(request) });
        }

        var state = request.Reminders with { Sent = request.Reminders.Sent + 1, LastReminderAt = now };
        return Advanced(request, state, now, AuditEvent.SystemActor, AuditActions.Reminded, $"reminder {state.Sent} of {state.Max}");
    }

    /// <summary>The requester asks for a reminder now: at most once per reminder interval.</summary>
    public static TransitionDecision Nudge(AccessRequest request, string requesterId, DateTimeOffset now)
    {
        if (requesterId != request.Requester.UserId)
        {
            return NotRequester(request, "nudge the approvers of");
        }
        if (CheckOpen(request, now) is { } refusal)
        {
            return refusal;
        }
        if (Reminders.NextNudgeAt(request) is not { } allowed)
        {
            return new Refusal(RefusalReason.NudgesOff, Facts(request));
        }
        if (now < allowed || request.Slack.CardTs is null)
        {
            return new Refusal(RefusalReason.NudgeTooSoon, Facts(request) with { At = allowed });
        }

        return Advanced(request, request.Reminders with { NudgedAt = now }, now, requesterId, AuditActions.Nudged, null);
    }

    /// <summary>
    /// Claims the escalation of a pending request (or of a break-glass grant's open review) that is past its escalation
    /// time (or whose earlier claim never got its card posted): from now on the escalation approvers may decide (or
    /// acknowledge) too.
    /// </summary>
    public static TransitionDecision Escalate(AccessRequest request, DateTimeOffset now)
    {
        if (CheckFollowUpOpen(request, now) is { } refusal)
        {
            return refusal;
        }
        if (Reminders.EscalationDueAt(request) is not { } due || now < due)
        {
            return new Refusal(RefusalReason.NotDue, Facts(request) with { At = Reminders.EscalationDueAt(request) });
        }

        var retry = request.Reminders.Escalated ? "claimed again after its card was not posted" : null;
        return Advanced(request, request.Reminders with { EscalatedAt = now }, now, AuditEvent.SystemActor, AuditActions.Escalated, retry);
    }

    /// <summary>The escalated card is posted: records where. Allowed in every status (a decision may have come meanwhile).</summary>
    public static Transition EscalationPosted(AccessRequest request, string channel, string ts, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(ts);
        var state = request.Reminders with { EscalationChannel = channel, EscalationTs = ts };
        var next = request with { Reminders = state };
        if (request.Status == RequestStatus.Pending)
        {
            next = next with { DueAt = Reminders.NextDue(next) };
        }
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.EscalationPosted, request.Status, $"card {channel} {ts}"));
    }

    private static Transition Advanced(AccessRequest request, ReminderState state, DateTimeOffset now, string actor, string action, string? detail)
    {
        var next = request with { Reminders = state };
        // A break-glass review's step leaves the due time as it found it: Transition.From keeps what the status has due
        // and adds the review's next step. A pending request's due time is its own.
        next = next with { DueAt = next.BreakGlass is null ? Reminders.NextDue(next) : request.DueAt };
        return Transition.From(request, next, Event(request, now, actor, action, request.Status, detail));
    }
}
