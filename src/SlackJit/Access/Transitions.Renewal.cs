namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>AWS STS issues credentials for at least 15 minutes; a renewal needs that much window left.</summary>
    public static readonly TimeSpan MinSessionLength = SessionLimits.StsMinimum;

    /// <summary>
    /// Claims a renewal before STS is called (Active → Active, an audit line only). The write is conditional on
    /// the version, so of two clicks read at the same version one wins; a click read after a claim is refused
    /// while that claim is younger than <paramref name="lease"/>. The claim ends with <see cref="Renew"/> or a
    /// <see cref="AuditActions.RenewFailed"/> record, or by itself when the lease runs out (a crash).
    /// </summary>
    public static TransitionDecision ClaimRenewal(AccessRequest request, string actorId, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (actorId != request.Requester.UserId)
        {
            return NotRequester(request, "renew");
        }

        if (request.Status != RequestStatus.Active || request.Grant is not { } grant)
        {
            return WrongStatus(request, "renewed");
        }

        if (now >= grant.WindowEnd)
        {
            return new Refusal(RefusalReason.WindowClosed, Facts(request) with { At = grant.WindowEnd });
        }

        if (grant.WindowEnd - now < MinSessionLength)
        {
            return new Refusal(RefusalReason.WindowClosed, Facts(request) with { At = grant.WindowEnd, CredentialsUntil = grant.SessionExpiry });
        }

        var last = request.Events.LastOrDefault(e => e.Action is AuditActions.RenewStarted or AuditActions.RenewFailed or AuditActions.Renewed);
        if (last is { Action: AuditActions.RenewStarted } && last.At + lease > now)
        {
            return new Refusal(RefusalReason.LeaseHeld, Facts(request));
        }

        return RecordAttempt(request, actorId, AuditActions.RenewStarted, $"credentials {grant.Issues + 1}", now);
    }

    /// <summary>
    /// Corrects when the request is next due without changing its status: the sweeper uses it for a due time
    /// that nothing can act on (so the request is not read again on every sweep). Null means nothing is due.
    /// Appends no audit event: a request rescheduled every sweep must not grow (the log has each reschedule).
    /// </summary>
    public static Transition Reschedule(AccessRequest request, DateTimeOffset? dueAt, DateTimeOffset now) =>
        Transition.Quiet(request, request with { DueAt = dueAt });
}
