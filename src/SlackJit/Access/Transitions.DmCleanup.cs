namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// <paramref name="close"/> (an Expire, End or Revoke) with the DM clean-up's outcome on the request it writes. The
    /// counter of earlier failures is kept, so the record still says how hard it was. A failing clean-up does not move
    /// the due time: whoever owns the closed request's due time retries it (docs/REVOCATION.md).
    /// </summary>
    public static Transition WithDmCleanup(Transition close, DmCleanupState state, string? error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(close);
        var failures = (close.Next.DmCleanup?.FailedAttempts ?? 0) + (state == DmCleanupState.Failing ? 1 : 0);
        return close with { Next = close.Next with { DmCleanup = new DmCleanup(state, failures, error, now) } };
    }

    /// <summary>
    /// Slack refused to clean the DM of a grant that ended or should end (the status stays). The sweeper tries again at
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
    /// Nothing is due for it any more; an Ended request's due time stays with its revocation.
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
            DueAt = request.Revocation is null ? null : request.DueAt,
        };
        var detail = $"{state.ToString().ToLowerInvariant()} after {failing.FailedAttempts} failed attempt(s)";
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.DmCleaned, request.Status, detail));
    }
}
