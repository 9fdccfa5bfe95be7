namespace SlackJit.Access;

/// <summary>The stable verbs of <see cref="AuditEvent.Action"/>; exports and queries rely on them.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string ApprovalRecorded = "approval-recorded";
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Cancelled = "cancelled";
    public const string TimedOut = "timed-out";
    public const string IssueClaimed = "issue-claimed";
    public const string IssueReleased = "issue-released";
    public const string Issued = "issued";
    public const string Renewed = "renewed";
    public const string Expired = "expired";
    public const string Ended = "ended";
    public const string Failed = "failed";
    public const string SlackRefs = "slack-refs";

    /// <summary>The approval card could not be posted (e.g. the bot is not in the approvers' channel); retried later.</summary>
    public const string CardFailed = "card-failed";

    /// <summary>Someone tried to approve and was not allowed (not an approver, self-approval, group unreadable).</summary>
    public const string ApproveRefused = "approve-refused";

    /// <summary>Someone tried to deny and was not allowed.</summary>
    public const string DenyRefused = "deny-refused";

    /// <summary>The requester asked for fresh credentials; the claim keeps a second click from calling STS too.</summary>
    public const string RenewStarted = "renew-started";

    /// <summary>A renewal could not be completed (STS refused, Slack unreachable); the claim is released.</summary>
    public const string RenewFailed = "renew-failed";

    /// <summary>An automatic reminder in the card's thread (detail: "reminder 1 of 3").</summary>
    public const string Reminded = "reminded";

    /// <summary>The requester asked for a reminder now.</summary>
    public const string Nudged = "nudged";

    /// <summary>The request waited past its entry's EscalateAfter: the escalation approvers may decide too.</summary>
    public const string Escalated = "escalated";

    /// <summary>The card was re-posted for the escalation approvers (detail: channel and ts).</summary>
    public const string EscalationPosted = "escalation-posted";

    /// <summary>The requester asked for more time on a live grant (detail: old → new total, and the reason).</summary>
    public const string ExtensionRequested = "extension-requested";

    /// <summary>One approval of an extension that needs more (detail: "1 of 2").</summary>
    public const string ExtensionApprovalRecorded = "extension-approval-recorded";

    /// <summary>The extension is approved: the approved duration is the new total; fresh credentials follow.</summary>
    public const string ExtensionApproved = "extension-approved";

    /// <summary>The extension is denied; the grant stays as it was.</summary>
    public const string ExtensionDenied = "extension-denied";

    /// <summary>Fresh credentials for the extended window are in the DM (detail: the new access key id and window).</summary>
    public const string Extended = "extended";

    /// <summary>The sweeper corrected when a request is next due (a stale or missing due time).</summary>
    public const string Rescheduled = "rescheduled";

    /// <summary>An approver ended a live grant (the Revoke button on the card).</summary>
    public const string Revoked = "revoked";

    /// <summary>Someone tried to revoke a grant and was not allowed.</summary>
    public const string RevokeRefused = "revoke-refused";

    /// <summary>AWS's deny policy lists the grant (first time), was checked again, or dropped it once its credentials expired.</summary>
    public const string RevocationEnforced = "revocation-enforced";

    /// <summary>The requester issued the request without approval (break-glass; detail: the reason). Pending → Approved.</summary>
    public const string BreakGlass = "break-glass";

    /// <summary>An approver acknowledged a break-glass grant (detail: "late" when after the review deadline).</summary>
    public const string BreakGlassAcknowledged = "break-glass-acknowledged";

    /// <summary>Nobody acknowledged a break-glass grant within <c>Access:BreakGlass:ReviewWithin</c>.</summary>
    public const string BreakGlassOverdue = "break-glass-overdue";

    /// <summary>Someone tried to acknowledge a break-glass grant and was not allowed (not an approver, the requester).</summary>
    public const string AcknowledgeRefused = "acknowledge-refused";

    /// <summary>Putting the deny in place failed (IAM refused or was unreachable); retried by the sweeper.</summary>
    public const string RevocationFailed = "revocation-failed";

    /// <summary>
    /// Slack refused to take the credentials out of the DM when the grant ended (detail: <c>method: code</c>); retried with
    /// a back-off. Only the first failure is an event; the record counts the rest.
    /// </summary>
    public const string DmCleanupFailed = "dm-cleanup-failed";

    /// <summary>A DM clean-up that had failed worked after all (detail: edited, deleted or missing, and after how many failures).</summary>
    public const string DmCleaned = "dm-cleaned";
}
