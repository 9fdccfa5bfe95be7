namespace SlackJit.Access;

/// <summary>Why the domain said no: one list for transitions, request decisions, approver checks and limits.</summary>
public enum RefusalReason
{
    // State machine.
    /// <summary>The transition does not start from the request's current status.</summary>
    WrongStatus,

    /// <summary>A decision on a pending request came after someone else decided (see <see cref="Refusal.DecidedBy"/>).</summary>
    AlreadyDecided,

    /// <summary>The same approver approved twice; it counts once.</summary>
    DuplicateApproval,

    /// <summary>Only the requester may do this (cancel, end).</summary>
    NotRequester,

    /// <summary>The pending request's deadline has passed; it is about to time out.</summary>
    PastDeadline,

    /// <summary>Nothing is due yet (deadline, window end or retry time is still ahead).</summary>
    NotDue,

    /// <summary>Another worker holds the issuance lease.</summary>
    LeaseHeld,

    /// <summary>The approved window is over: no more credentials.</summary>
    WindowClosed,

    // Request decisions.
    /// <summary>The command text could not be read.</summary>
    Unparseable,

    InvalidBucket,
    UnknownBucket,
    InvalidPrefix,
    PrefixOutsideResource,

    /// <summary>The grant's session policy (with the nested entries it excludes) would not fit the STS limit.</summary>
    PolicyTooLarge,
    DurationTooLong,
    DurationTooShort,
    ReasonRequired,
    ReasonTooLong,
    RequesterIsGuest,
    RequesterIsBot,
    RequesterDeactivated,

    // Approvers.
    NotAnApprover,
    SelfApproval,

    // Abuse limits.
    TooManyPending,
    TooManyRequests,

    // Reminders.
    /// <summary>The requester nudged less than one reminder interval ago (see <see cref="RefusalFacts.At"/>).</summary>
    NudgeTooSoon,

    /// <summary>Reminders (and so nudges) are off.</summary>
    NudgesOff,

    // Extensions.
    /// <summary>An earlier request for more time is still waiting for the approvers.</summary>
    ExtensionPending,

    /// <summary>The extension was already approved or denied (see <see cref="RefusalFacts.UserId"/>).</summary>
    ExtensionDecided,

    // Break-glass.
    /// <summary>The catalog entry does not allow break-glass (see <see cref="RefusalFacts.Resource"/>).</summary>
    BreakGlassNotAllowed,

    /// <summary>A break-glass grant is longer than <c>Access:BreakGlass:MaxDuration</c> (see <see cref="RefusalFacts.Bound"/>).</summary>
    BreakGlassTooLong,

    /// <summary>A break-glass request without a reason: it is always required.</summary>
    BreakGlassReasonRequired,

    /// <summary>Acknowledging a request that was not a break-glass grant.</summary>
    NotBreakGlass,

    /// <summary>The break-glass grant was already acknowledged (see <see cref="RefusalFacts.UserId"/> and <see cref="RefusalFacts.At"/>).</summary>
    AlreadyAcknowledged,

    /// <summary>The requester tried to acknowledge their own break-glass grant.</summary>
    SelfAcknowledgement,

    /// <summary>The break-glass review is already acknowledged or marked overdue: no reminder or escalation is due.</summary>
    ReviewClosed,
}
