namespace SlackJit.Access;

public static partial class Transitions
{
    /// <summary>
    /// The approval card is in the channel: records where, and — while the request is still Pending — moves
    /// <see cref="AccessRequest.DueAt"/> from the short "card not posted yet" check to the deadline, so the sweeper
    /// next looks at it to time it out. Allowed in every status; the status stays.
    /// </summary>
    public static Transition CardPosted(AccessRequest request, string channel, string ts, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(ts);
        var withRefs = WithSlackRefs(request, request.Slack with { CardChannel = channel, CardTs = ts }, now);
        return request.Status == RequestStatus.Pending
            ? withRefs with { Next = withRefs.Next with { DueAt = Reminders.NextDue(withRefs.Next) } }
            : withRefs;
    }

    /// <summary>
    /// The approval card could not be posted (<paramref name="error"/> is Slack's code, e.g. <c>not_in_channel</c>):
    /// the request stays Pending and is due again at <paramref name="retryAt"/>, never later than its deadline,
    /// so an operator who fixes the channel meanwhile gets it through, and otherwise it times out as usual (one
    /// <c>card-failed</c> event per try, so at most one per retry delay until the deadline). A break-glass grant's
    /// card is retried whatever the grant's status (<see cref="BreakGlassCardNotPosted"/>).
    /// </summary>
    public static TransitionDecision CardNotPosted(AccessRequest request, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        if (request.BreakGlass is { } review)
        {
            return BreakGlassCardNotPosted(request, review, error, retryAt, now);
        }
        if (request.Status != RequestStatus.Pending)
        {
            return WrongStatus(request, "retried for its card");
        }

        var due = retryAt < request.Deadline ? retryAt : request.Deadline;
        return Transition.From(
            request,
            request with { DueAt = due },
            Event(request, now, AuditEvent.SystemActor, AuditActions.CardFailed, request.Status, error));
    }
}
