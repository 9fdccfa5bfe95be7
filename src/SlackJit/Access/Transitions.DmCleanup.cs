namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// <paramref name="close"/> (an Expire, End or Revoke) with the DM clean-up's outcome on the request it writes. The
    /// counter of earlier failures is kept, so the record still says how hard it was. A failing clean-up is due at
    /// <paramref name="retryAt"/> unless the close set an earlier due time (an Ended request's revocation runs first and
    /// tries the DM again). That is the status's own due time: a break-glass review's next step is kept beside it, and
    /// the request is due at the earlier of the two (<see cref="BreakGlassReviews.WithStatusDue"/>).
    /// </summary>
    public static Transition WithDmCleanup(Transition close, DmCleanupState state, string? error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(close);
        var failing = state == DmCleanupState.Failing;
        var failures = (close.Next.DmCleanup?.FailedAttempts ?? 0) + (failing ? 1 : 0);
        // The close's own event says so when the DM could not be cleaned (one event per transition).
        var ev = failing && close.Event is { } closed ? closed with { Detail = $"DM clean-up failing: {error}" } : close.Event;
        var closeDue = AccessRequests.StatusDueAt(close.Next);
        var next = close.Next with
        {
            DmCleanup = new DmCleanup(state, failures, error, now),
            Events = ev is null || ReferenceEquals(ev, close.Event) ? close.Next.Events : close.Next.Events.SetItem(close.Next.Events.Count - 1, ev),
        };
        var due = failing && retryAt is { } retry && (closeDue is not { } set || retry < set) ? retry : closeDue;
        return close with { Event = ev, Next = BreakGlassReviews.WithStatusDue(next, due) };
    }

    /// <summary>
    /// Slack refused to clean the DM of a grant that ended (the status stays). The sweeper tries again at
    /// <paramref name="retryAt"/>; null keeps the due time (an Ended request's belongs to its revocation). The first
    /// failure is an audit event; every further one only raises the counter and replaces the last error, so a clean-up
    /// that fails for weeks does not grow the record.
    /// </summary>
    public static Transition DmCleanupFailed(AccessRequest request, string error, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        var previous = request.DmCleanup is { IsFailing: true } failing ? failing.FailedAttempts : 0;
        var next = request with
        {
            DmCleanup = new DmCleanup(DmCleanupState.Failing, previous + 1, error, now),
            DueAt = retryAt ?? request.DueAt,
        };
        return previous == 0
            ? Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.DmCleanupFailed, request.Status, error))
            : Transition.Quiet(request, next);
    }

    /// <summary>
    /// A failing clean-up of a closed request's DM finally worked (<paramref name="state"/>: edited, deleted or missing).
    /// Nothing is due for it any more, unless an Ended request's revocation still has a check to make.
    /// </summary>
    public static TransitionDecision DmCleaned(AccessRequest request, DmCleanupState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DmCleanup is not { IsFailing: true } failing || state == DmCleanupState.Failing)
        {
            return WrongStatus(request, "cleaned");
        }

        var next = request with
        {
            DmCleanup = failing with { State = state, At = now },
            DueAt = AccessRequests.RevocationSettled(request) ? null : request.DueAt,
        };
        var detail = $"{state.ToString().ToLowerInvariant()} after {failing.FailedAttempts} failed attempt(s)";
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.DmCleaned, request.Status, detail));
    }
}
