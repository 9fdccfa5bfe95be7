namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// The requester breaks the glass: a Pending request becomes Approved at once, without approvals, and issuance is
    /// due now. Its review starts: the approvers must acknowledge it by <paramref name="now"/> + <paramref name="reviewWithin"/>;
    /// reminders and escalation follow the plan the request was made with (an escalation after the review deadline is dropped).
    /// Whether the entry allows it, the duration cap and the reason are <see cref="AccessPolicy.Decide"/>'s to check.
    /// </summary>
    public static TransitionDecision BreakGlass(AccessRequest request, TimeSpan reviewWithin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != RequestStatus.Pending || request.BreakGlass is not null)
        {
            return WrongStatus(request, "issued by break-glass");
        }
        if (reviewWithin <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(reviewWithin), reviewWithin, "The review window must be positive.");
        }

        var review = new BreakGlassReview(now, now + reviewWithin);
        var reminders = request.Reminders.EscalateAt is { } at && at >= review.ReviewBy
            ? request.Reminders with { EscalateAt = null }
            : request.Reminders;
        var next = request with
        {
            Status = RequestStatus.Approved,
            ApprovedDuration = request.RequestedDuration,
            DecidedBy = request.Requester.UserId,
            BreakGlass = review,
            Reminders = reminders,
            DueAt = now,
        };
        return Transition.From(request, next, Event(request, now, request.Requester.UserId, AuditActions.BreakGlass, next.Status, request.Reason));
    }

    /// <summary>
    /// An approver acknowledges a break-glass grant. Allowed in every status (the grant may have ended long ago) and
    /// after the review deadline (then marked late); refused for the requester, for a request issued the usual way, and
    /// when someone acknowledged it already. Whether the clicker is an approver is <see cref="AccessPolicy.CanAcknowledge"/>'s question.
    /// </summary>
    public static TransitionDecision AcknowledgeBreakGlass(AccessRequest request, string approverId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(approverId);
        if (request.BreakGlass is not { } review)
        {
            return new Refusal(RefusalReason.NotBreakGlass, Facts(request));
        }
        if (review.AcknowledgedBy is { } by)
        {
            return new Refusal(RefusalReason.AlreadyAcknowledged, Facts(request) with { UserId = by, At = review.AcknowledgedAt });
        }
        if (approverId == request.Requester.UserId)
        {
            return new Refusal(RefusalReason.SelfAcknowledgement, Facts(request));
        }

        var late = now >= review.ReviewBy ? $"late: the review was due by {review.ReviewBy:u}" : null;
        var next = request with { BreakGlass = review with { AcknowledgedBy = approverId, AcknowledgedAt = now } };
        return Transition.From(request, next, Event(request, now, approverId, AuditActions.BreakGlassAcknowledged, request.Status, late));
    }

    /// <summary>
    /// Nobody acknowledged the break-glass grant by its review deadline: marked overdue, once. Nothing more is due for
    /// the review afterwards (no reminders); an approver may still acknowledge it.
    /// </summary>
    public static TransitionDecision BreakGlassOverdue(AccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BreakGlass is not { } review)
        {
            return new Refusal(RefusalReason.NotBreakGlass, Facts(request));
        }
        if (!review.IsOpen)
        {
            return new Refusal(RefusalReason.ReviewClosed, Facts(request) with { UserId = review.AcknowledgedBy });
        }
        if (now < review.ReviewBy)
        {
            return new Refusal(RefusalReason.NotDue, Facts(request) with { At = review.ReviewBy });
        }

        var next = request with { BreakGlass = review with { OverdueAt = now } };
        return Transition.From(
            request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.BreakGlassOverdue, request.Status, $"not acknowledged by {review.ReviewBy:u}"));
    }

    /// <summary>
    /// Slack refused the card of a break-glass grant nobody has acknowledged yet: it is tried again at
    /// <paramref name="retryAt"/>, whatever the grant's status, even after the review went overdue (the card is how the
    /// approvers can still acknowledge it). The grant itself is untouched. The first failure is an audit event; later
    /// ones only move the retry time, so a channel that stays broken for the whole review does not grow the record.
    /// </summary>
    private static TransitionDecision BreakGlassCardNotPosted(AccessRequest request, BreakGlassReview review, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        if (review.IsAcknowledged || request.Slack.CardTs is not null)
        {
            return WrongStatus(request, "retried for its card");
        }

        var next = request with { BreakGlass = review with { CardRetryAt = retryAt } };
        return review.CardRetryAt is null
            ? Transition.From(request, next, Event(request, now, AuditEvent.SystemActor, AuditActions.CardFailed, request.Status, error))
            : Transition.Quiet(request, next);
    }

    /// <summary>Reminders and escalation may go on: a pending request still open, or a break-glass review still open.</summary>
    private static Refusal? CheckFollowUpOpen(AccessRequest request, DateTimeOffset now) => request.BreakGlass switch
    {
        null => CheckOpen(request, now),
        { IsOpen: true } => null,
        { } review => new Refusal(RefusalReason.ReviewClosed, Facts(request) with { UserId = review.AcknowledgedBy }),
    };
}
