namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// Claims an approved request for issuing (Approved → Issuing) with a lease: <see cref="AccessRequest.DueAt"/>
    /// becomes <c>now + lease</c>, so if the worker dies the sweeper re-claims it (Issuing → Issuing) once the
    /// lease has run out. Each claim counts an attempt. The lease and the back-off are the status's own due time
    /// (<see cref="AccessRequests.StatusDueAt"/>), not a break-glass review's earlier step.
    /// </summary>
    public static TransitionDecision ClaimIssuance(AccessRequest request, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var due = AccessRequests.StatusDueAt(request);
        switch (request.Status)
        {
            case RequestStatus.Approved when due > now:
                return new Refusal(RefusalReason.NotDue, Facts(request) with { At = due });
            case RequestStatus.Issuing when due > now:
                return new Refusal(RefusalReason.LeaseHeld, Facts(request) with { At = due });
            case RequestStatus.Approved or RequestStatus.Issuing:
                var attempts = request.IssueAttempts + 1;
                var next = request with { Status = RequestStatus.Issuing, IssueAttempts = attempts, DueAt = now + lease };
                var detail = request.Status == RequestStatus.Issuing ? $"attempt {attempts}, previous lease expired" : $"attempt {attempts}";
                return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.IssueClaimed, next.Status, detail));
            default:
                return WrongStatus(request, "issued");
        }
    }

    /// <summary>A transient failure (throttling, timeout): back to Approved, to be claimed again at <paramref name="retryAt"/>.</summary>
    public static TransitionDecision ReleaseIssuance(AccessRequest request, DateTimeOffset now, DateTimeOffset retryAt, string error)
    {
        if (request.Status != RequestStatus.Issuing)
        {
            return WrongStatus(request, "released for a retry");
        }

        var next = request with { Status = RequestStatus.Approved, DueAt = retryAt };
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.IssueReleased, next.Status, error));
    }

    /// <summary>
    /// Credentials were issued and sent (Issuing → Active). The sweeper looks again at the window end
    /// (<see cref="GrantInfo.WindowEnd"/>, see <see cref="AccessRequests.WindowEnd"/>) to expire it.
    /// </summary>
    public static TransitionDecision Activate(AccessRequest request, GrantInfo grant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (request.Status != RequestStatus.Issuing)
        {
            return WrongStatus(request, "activated");
        }

        var next = request with { Status = RequestStatus.Active, Grant = grant, DueAt = grant.WindowEnd };
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.Issued, next.Status, GrantDetail(grant)));
    }

    /// <summary>
    /// A permanent failure (AccessDenied, malformed policy, attempts exhausted): final. People see a short reason and a
    /// reference (<see cref="FailureText"/>); <paramref name="message"/>, which may name ARNs, stays in the audit trail.
    /// </summary>
    public static TransitionDecision Fail(AccessRequest request, string code, string message, DateTimeOffset now)
    {
        if (request.Status is not (RequestStatus.Approved or RequestStatus.Issuing))
        {
            return WrongStatus(request, "marked failed");
        }

        var next = request with { Status = RequestStatus.Failed, Outcome = FailureText.Public(request, code), DueAt = null };
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.Failed, next.Status, $"{code}: {message}"));
    }

    // Ids and times only: enough for an auditor to join CloudTrail, never a secret.
    private static string GrantDetail(GrantInfo grant) =>
        $"access key {grant.AccessKeyId}, role session {grant.AssumedRoleId}, credentials until {grant.SessionExpiry:u}, window until {grant.WindowEnd:u}";
}
