namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// An approver ends a live grant now (Active → Ended, the card's Revoke button). Whether the clicker may is the
    /// caller's check against the catalog (any approver of the entry).
    /// </summary>
    public static TransitionDecision Revoke(AccessRequest request, string approverId, DateTimeOffset now)
    {
        if (request.Status != RequestStatus.Active)
        {
            return WrongStatus(request, "revoked");
        }

        var next = Revoked(request, approverId, now);
        return Transition.From(request, next, Event(request, now, approverId, AuditActions.Revoked, next.Status));
    }

    /// <summary>
    /// AWS's deny policy lists the revoked grant as the store says it should (Ended → Ended). Due again at
    /// <paramref name="nextCheck"/> (a second look, then the credentials' expiry, when the deny is pruned), or never.
    /// </summary>
    public static TransitionDecision RevocationEnforced(AccessRequest request, DateTimeOffset? nextCheck, DateTimeOffset now)
    {
        if (request.Revocation is not { } revocation)
        {
            return WrongStatus(request, "revoked in AWS");
        }

        var next = request with
        {
            Revocation = revocation with { EnforcedAt = revocation.EnforcedAt ?? now, Failure = null },
            DueAt = nextCheck,
        };
        var detail = revocation.IsEnforced
            ? (nextCheck is null ? "credentials expired; deny pruned" : "deny checked again")
            : $"deny in place until {revocation.CredentialsExpire:O}";
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.RevocationEnforced, next.Status, detail));
    }

    /// <summary>Putting the deny in place failed; the sweeper tries again at <paramref name="retryAt"/>.</summary>
    public static TransitionDecision RevocationFailed(AccessRequest request, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        if (request.Revocation is not { } revocation)
        {
            return WrongStatus(request, "revoked in AWS");
        }

        var next = request with { Revocation = revocation with { Failure = error }, DueAt = retryAt };
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.RevocationFailed, next.Status, error));
    }

    // Ended now; when credentials may still work, AWS must deny them until they expire, so the request stays due.
    private static AccessRequest Revoked(AccessRequest request, string actorId, DateTimeOffset now)
    {
        var revocation = request.Grant is { } grant && grant.SessionExpiry > now
            ? new Revocation(actorId, now, grant.SessionExpiry)
            : null;
        return request with { Status = RequestStatus.Ended, DecidedBy = actorId, Revocation = revocation, DueAt = revocation is null ? null : now };
    }
}
