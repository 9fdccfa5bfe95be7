namespace SlackJit.Access;

/// <summary>
/// When a break-glass grant's review next needs the sweeper, and whom it names. Pure: everything comes from the
/// request (its <see cref="BreakGlassReview"/> and <see cref="ReminderState"/>) and the catalog entry. The review
/// outlives the grant's status (a grant that expired after an hour still waits for its acknowledgement), so its due
/// time is kept in the request's <see cref="AccessRequest.DueAt"/> by every transition (<see cref="Transition.From"/>).
/// </summary>
public static class BreakGlassReviews
{
    /// <summary>A break-glass request is due this soon after it is made if its card is still not posted.</summary>
    public static readonly TimeSpan CardGrace = TimeSpan.FromMinutes(1);

    /// <summary>The review's next step: the card if missing, else the earliest of the next reminder, the escalation and the overdue note; null when nothing is due.</summary>
    public static DateTimeOffset? NextDue(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BreakGlass is not { IsOpen: true } review)
        {
            return null;
        }
        if (request.Slack.CardTs is null)
        {
            return request.CreatedAt + CardGrace;
        }

        var due = review.ReviewBy;
        foreach (var at in new[] { Reminders.NextReminderAt(request), Reminders.EscalationDueAt(request) })
        {
            if (at is { } t && t < due)
            {
                due = t;
            }
        }
        return due;
    }

    /// <summary>The request's due time with its open review's next step kept in: the earlier of the two.</summary>
    public static DateTimeOffset? KeepDue(AccessRequest request, DateTimeOffset? dueAt) =>
        NextDue(request) is { } review && (dueAt is null || review < dueAt) ? review : dueAt;

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
