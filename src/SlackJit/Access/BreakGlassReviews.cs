namespace SlackJit.Access;

/// <summary>
/// When a break-glass grant's review next needs the sweeper, and whom it names. Pure: everything comes from the
/// request (its <see cref="BreakGlassReview"/> and <see cref="ReminderState"/>) and the catalog entry. The review
/// outlives the grant's status (a grant that expired after an hour still waits for its acknowledgement), so its next
/// step is kept in the request's <see cref="AccessRequest.DueAt"/> beside what the status has due
/// (<see cref="AccessRequest.StatusDueAt"/>) by every transition (<see cref="WithDue"/>).
/// </summary>
public static class BreakGlassReviews
{
    /// <summary>
    /// The review's next step; null when nothing is due. Without a card: the card (<see cref="CardDueAt"/>) or the
    /// review deadline, whichever comes first (there is no thread to remind in), and after the deadline still the card.
    /// With one: the earliest of the next reminder, the escalation and the overdue note, while the review is open.
    /// </summary>
    public static DateTimeOffset? NextDue(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BreakGlass is not { } review)
        {
            return null;
        }
        if (CardDueAt(request) is { } card)
        {
            return review.IsOpen && review.ReviewBy < card ? review.ReviewBy : card;
        }
        return review.IsOpen ? Reminders.NextDue(request, review.ReviewBy) : null;
    }

    /// <summary>
    /// When the card of an unacknowledged break-glass grant is tried next while it is not posted: shortly after the
    /// request (<see cref="AccessRequests.CardGrace"/>), or after a failure when its retry is due. Null with a card.
    /// </summary>
    public static DateTimeOffset? CardDueAt(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.BreakGlass is { IsAcknowledged: false } review && request.Slack.CardTs is null
            ? review.CardRetryAt ?? request.CreatedAt + AccessRequests.CardGrace
            : null;
    }

    /// <summary>
    /// <paramref name="next"/> (what a transition from <paramref name="current"/> wrote) with its due times set: what
    /// the status has due is what the transition set, or, when it left the due time and the status as it found them
    /// (a review step, a refused click, a card's record), what the status had due before; the review's next step, if
    /// any, is kept beside it, and the request is due at the earlier of the two.
    /// </summary>
    public static AccessRequest WithDue(AccessRequest current, AccessRequest next)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        return WithStatusDue(next, next.DueAt == current.DueAt && next.Status == current.Status ? AccessRequests.StatusDueAt(current) : next.DueAt);
    }

    /// <summary><paramref name="request"/> with <paramref name="statusDue"/> as what its status has due, the review's next step kept beside it.</summary>
    public static AccessRequest WithStatusDue(AccessRequest request, DateTimeOffset? statusDue)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NextDue(request) is { } review
            ? request with { DueAt = statusDue is { } due && due < review ? due : review, StatusDueAt = statusDue }
            : request with { DueAt = statusDue, StatusDueAt = null };
    }

    /// <summary>Whether the review is past its deadline and not yet marked overdue.</summary>
    public static bool IsOverdue(AccessRequest request, DateTimeOffset now) =>
        request.BreakGlass is { IsOpen: true } review && now >= review.ReviewBy;

    /// <summary>
    /// Who a reminder names: the entry's approvers (and, once escalated, its escalation approvers), never the
    /// requester, who cannot acknowledge their own break-glass. User groups stay groups.
    /// </summary>
    public static IReadOnlyList<string> Reviewers(ResourceOptions resource, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        return AccessPolicy.DecidersOf(resource, request)
            .Distinct(StringComparer.Ordinal)
            .Where(a => a != request.Requester.UserId)
            .ToList();
    }
}
