namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// New credentials within the approved window (Active → Active). The window end stays the one
    /// recorded at activation, whatever <paramref name="grant"/> says: a renewal never extends it.
    /// </summary>
    public static TransitionDecision Renew(AccessRequest request, GrantInfo grant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (request.Status != RequestStatus.Active || request.Grant is not { } current)
        {
            return WrongStatus(request, "renewed");
        }

        if (now >= current.WindowEnd)
        {
            return new Refusal(RefusalReason.WindowClosed, Facts(request) with { At = current.WindowEnd });
        }

        var renewed = grant with { WindowEnd = current.WindowEnd, Issues = current.Issues + 1 };
        var next = request with { Grant = renewed, DueAt = current.WindowEnd };
        return Transition.From(
            request, next, Event(request, now, request.Requester.UserId, AuditActions.Renewed, next.Status, GrantDetail(renewed)));
    }

    /// <summary>The window is over (Active → Expired).</summary>
    public static TransitionDecision Expire(AccessRequest request, DateTimeOffset now)
    {
        if (request.Status != RequestStatus.Active)
        {
            return WrongStatus(request, "expired");
        }

        var end = request.Grant?.WindowEnd ?? request.DueAt;
        if (end > now)
        {
            return new Refusal(RefusalReason.NotDue, Facts(request) with { At = end });
        }

        var next = request with { Status = RequestStatus.Expired, DueAt = null };
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.Expired, next.Status));
    }

    /// <summary>
    /// The requester is done early (Active → Ended). Renewals stop; credentials still unexpired are revoked: the request
    /// stays due until AWS denies them (see <see cref="Revocation"/>).
    /// </summary>
    public static TransitionDecision End(AccessRequest request, string actorId, DateTimeOffset now)
    {
        if (actorId != request.Requester.UserId)
        {
            return NotRequester(request, "end");
        }

        if (request.Status != RequestStatus.Active)
        {
            return WrongStatus(request, "ended");
        }

        var next = Revoked(request, actorId, now);
        return Transition.From(request, next, Event(request, now, actorId, AuditActions.Ended, next.Status));
    }
}
