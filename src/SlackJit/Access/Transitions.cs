namespace SlackJit.Access;

/// <summary>
/// The request state machine as pure functions. Each one checks the status it starts from and
/// returns either a <see cref="Transition"/> (next request, version + 1, one audit event appended)
/// or a <see cref="Refusal"/>; the input request is never changed. Who may act (approver lists,
/// groups) is <see cref="AccessPolicy"/>'s question; these functions only check what the record
/// itself knows (the requester, earlier approvals, times).
/// </summary>
public static partial class Transitions
{
    /// <summary>
    /// Records one approval. The request becomes Approved when <see cref="AccessRequest.RequiredApprovals"/>
    /// distinct approvers have approved; issuance is then due at once. An approver counts once.
    /// </summary>
    public static TransitionDecision Approve(AccessRequest request, string approverId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approverId);
        if (CheckOpen(request, now) is { } refusal)
        {
            return refusal;
        }

        if (request.Approvals.Exists(a => a.ApproverId == approverId))
        {
            var missing = request.RequiredApprovals - request.Approvals.Count;
            return new Refusal(RefusalReason.DuplicateApproval, new RefusalFacts { RequestId = request.ShortId, Count = missing });
        }

        var approvals = request.Approvals.Add(new Approval(approverId, now));
        var tally = $"{approvals.Count} of {request.RequiredApprovals}";
        if (approvals.Count < request.RequiredApprovals)
        {
            return Transition.From(
                request,
                request with { Approvals = approvals },
                Event(request, now, approverId, AuditActions.ApprovalRecorded, RequestStatus.Pending, tally));
        }

        var next = request with
        {
            Status = RequestStatus.Approved,
            Approvals = approvals,
            ApprovedDuration = request.RequestedDuration,
            DecidedBy = approverId,
            DueAt = now,
        };
        return Transition.From(request, next, Event(request, now, approverId, AuditActions.Approved, next.Status, tally));
    }

    /// <summary>One deny decides. <paramref name="reason"/> is optional and shown to the requester.</summary>
    public static TransitionDecision Deny(AccessRequest request, string approverId, string? reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approverId);
        if (CheckOpen(request, now) is { } refusal)
        {
            return refusal;
        }

        var outcome = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var next = request with { Status = RequestStatus.Denied, DecidedBy = approverId, Outcome = outcome, DueAt = null };
        return Transition.From(request, next, Event(request, now, approverId, AuditActions.Denied, next.Status, outcome));
    }

    /// <summary>The requester withdraws a pending request.</summary>
    public static TransitionDecision Cancel(AccessRequest request, string requesterId, DateTimeOffset now)
    {
        if (requesterId != request.Requester.UserId)
        {
            return NotRequester(request, "cancel");
        }

        if (CheckOpen(request, now) is { } refusal)
        {
            return refusal;
        }

        var next = request with { Status = RequestStatus.Cancelled, DecidedBy = requesterId, DueAt = null };
        return Transition.From(request, next, Event(request, now, requesterId, AuditActions.Cancelled, next.Status));
    }

    /// <summary>Nobody decided before the deadline.</summary>
    public static TransitionDecision TimeOut(AccessRequest request, DateTimeOffset now)
    {
        if (request.Status != RequestStatus.Pending)
        {
            return WrongStatus(request, "timed out");
        }

        if (now < request.Deadline)
        {
            return new Refusal(RefusalReason.NotDue, Facts(request) with { At = request.Deadline });
        }

        var next = request with { Status = RequestStatus.TimedOut, DueAt = null };
        return Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.TimedOut, next.Status));
    }

    /// <summary>People may decide only while the request is pending and its deadline has not passed.</summary>
    private static Refusal? CheckOpen(AccessRequest request, DateTimeOffset now)
    {
        if (request.Status != RequestStatus.Pending)
        {
            return new Refusal(RefusalReason.AlreadyDecided, Facts(request) with { UserId = request.DecidedBy });
        }

        // The sweeper may not have run yet; a late click must not beat the deadline.
        return now >= request.Deadline
            ? new Refusal(RefusalReason.PastDeadline, Facts(request))
            : null;
    }

    private static Refusal WrongStatus(AccessRequest request, string action) =>
        new(RefusalReason.WrongStatus, Facts(request) with { Action = action });

    private static Refusal NotRequester(AccessRequest request, string action) =>
        new(RefusalReason.NotRequester, Facts(request) with { UserId = request.Requester.UserId, Action = action });

    private static RefusalFacts Facts(AccessRequest request) => new() { RequestId = request.ShortId, Status = request.Status };

    private static AuditEvent Event(
        AccessRequest request, DateTimeOffset now, string actor, string action, RequestStatus to, string? detail = null) =>
        new(now, actor, action, request.Status, to, detail);
}
