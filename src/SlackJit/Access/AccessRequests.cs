namespace SlackJit.Access;

/// <summary>Creating requests and reading the times derived from them.</summary>
public static class AccessRequests
{
    /// <summary>
    /// A new request is due again this soon in case its card is not posted by then (a crash after the ack): the
    /// sweeper posts it. Posting the card moves the due time on.
    /// </summary>
    public static readonly TimeSpan CardGrace = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A new Pending request for an allowed decision; due (to time out) at its deadline, or sooner, within
    /// <paramref name="dueWithin"/> of now (never after the deadline).
    /// </summary>
    public static AccessRequest Create(
        AccessDecision.Allowed allowed, SlackIdentity requester, AccessOptions options, TimeProvider time, TimeSpan? dueWithin = null)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(options);
        var now = time.GetUtcNow();
        var deadline = now + options.PendingTimeout;
        var created = new AuditEvent(
            now,
            requester.UserId,
            AuditActions.Created,
            From: null,
            RequestStatus.Pending,
            $"{allowed.Ref.Display} for {DurationParser.Format(allowed.Duration)}" + (allowed.Reason.Length == 0 ? "" : $": {allowed.Reason}"));
        return new AccessRequest
        {
            Id = RequestIds.New(time),
            Status = RequestStatus.Pending,
            Version = 1,
            Requester = requester,
            Resource = allowed.Ref,
            RequestedDuration = allowed.Duration,
            Reason = allowed.Reason,
            CreatedAt = now,
            Deadline = deadline,
            RequiredApprovals = Math.Max(1, allowed.Resource.RequiredApprovals),
            DueAt = dueWithin is { } within && now + within < deadline ? now + within : deadline,
            Reminders = Reminders.Plan(options, allowed.Resource, now),
            Events = [created],
            ExpiresAt = now + options.Retention,
        };
    }

    /// <summary>When the last needed approval came in (or the glass was broken); null while pending or never approved.</summary>
    public static DateTimeOffset? ApprovedAt(AccessRequest request) =>
        request.ApprovedDuration is null ? null
        : request.BreakGlass is { } breakGlass ? breakGlass.IssuedAt
        : request.Approvals.IsEmpty ? null : request.Approvals[^1].At;

    /// <summary>
    /// When the request's status next needs the sweeper: its <see cref="AccessRequest.DueAt"/>, unless an open
    /// break-glass review keeps a step of its own in it (then the status's own time, <see cref="AccessRequest.StatusDueAt"/>).
    /// </summary>
    public static DateTimeOffset? StatusDueAt(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BreakGlassReviews.NextDue(request) is null ? request.DueAt : request.StatusDueAt;
    }

    /// <summary>The end of the approved window: approval time + approved duration. Credentials never outlive it.</summary>
    public static DateTimeOffset? WindowEnd(AccessRequest request) =>
        ApprovedAt(request) is { } at && request.ApprovedDuration is { } duration ? at + duration : null;

    /// <summary>
    /// True when AWS has nothing left to do for an Ended request: no revocation, or its deny was enforced and the
    /// check at the credentials' expiry (which prunes it) is in the audit trail.
    /// </summary>
    public static bool RevocationSettled(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Revocation is not { } revocation
            || (revocation is { IsEnforced: true, Failure: null }
                && request.Events.Any(e => e.Action == AuditActions.RevocationEnforced && e.At >= revocation.CredentialsExpire));
    }
}
