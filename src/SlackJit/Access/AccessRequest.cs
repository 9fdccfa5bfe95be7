using System.Collections.Immutable;

namespace SlackJit.Access;

/// <summary>
/// One access request with its whole history. Immutable: transitions return a new value
/// (see <see cref="Transitions"/>), and the store applies them conditionally on
/// <see cref="Status"/> and <see cref="Version"/>.
/// </summary>
public sealed record AccessRequest
{
    public required Guid Id { get; init; }
    public required RequestStatus Status { get; init; }

    /// <summary>Bumped by one on every transition; the optimistic-concurrency token.</summary>
    public required long Version { get; init; }

    public required SlackIdentity Requester { get; init; }
    public required ResourceRef Resource { get; init; }
    public required TimeSpan RequestedDuration { get; init; }

    /// <summary>The window the approvers granted; set on approval.</summary>
    public TimeSpan? ApprovedDuration { get; init; }

    public required string Reason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Pending requests time out at this instant.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>How many distinct approvals move the request to Approved.</summary>
    public required int RequiredApprovals { get; init; }

    public ImmutableList<Approval> Approvals { get; init; } = [];
    public GrantInfo? Grant { get; init; }

    /// <summary>Set when an Active grant was ended early and AWS must deny its credentials; see <see cref="Access.Revocation"/>.</summary>
    public Revocation? Revocation { get; init; }
    public SlackRefs Slack { get; init; } = SlackRefs.None;

    /// <summary>What became of the DM's credentials when the grant ended; null until a clean-up was tried.</summary>
    public DmCleanup? DmCleanup { get; init; }

    /// <summary>
    /// When the sweeper must look at this request next; null when nothing is due. With an open break-glass review, the
    /// earlier of <see cref="StatusDueAt"/> and the review's next step (<see cref="BreakGlassReviews"/>).
    /// </summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>
    /// While a break-glass review has a step of its own due: what the request's status has due (null: nothing), kept
    /// apart so that a review step leaves the status's schedule as it is. Unused otherwise (see <see cref="AccessRequests.StatusDueAt"/>).
    /// </summary>
    public DateTimeOffset? StatusDueAt { get; init; }

    /// <summary>Issuance attempts so far (bounded; see the lifecycle).</summary>
    public int IssueAttempts { get; init; }

    /// <summary>Who decided (approved last, denied, cancelled, ended), for "already decided by".</summary>
    public string? DecidedBy { get; init; }

    /// <summary>A deny reason, or why issuing failed; shown to people, never a secret.</summary>
    public string? Outcome { get; init; }

    /// <summary>Reminders and escalation while pending (see <see cref="Access.Reminders"/>).</summary>
    public ReminderState Reminders { get; init; } = ReminderState.None;

    /// <summary>The latest request for more time on the live grant (see <see cref="ExtensionRequest"/>); null when none.</summary>
    public ExtensionRequest? Extension { get; init; }

    /// <summary>Set when the requester issued this grant without approval (break-glass): its review by the approvers; null otherwise.</summary>
    public BreakGlassReview? BreakGlass { get; init; }

    public ImmutableList<AuditEvent> Events { get; init; } = [];

    /// <summary>
    /// Refused clicks, counted per action and person (<c>"approve-refused U0X"</c> → 3): the first is an audit event,
    /// the rest only raise the count, so a clicking loop cannot grow the record.
    /// </summary>
    public ImmutableSortedDictionary<string, int> RefusedClicks { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    /// <summary>Retention: the store may delete the record after this (epoch seconds for DynamoDB TTL).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The short form shown to people, e.g. <c>R-7KQ3</c>.</summary>
    public string ShortId => RequestIds.ToShort(Id);
}
