using SlackJit.Access;
using SlackJit.Audit;

namespace SlackJit.Telemetry;

/// <summary>Which metric a landed transition moves, read from its audit event.</summary>
internal static class TransitionMetrics
{
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Cancelled = "cancelled";
    public const string TimedOut = "timed_out";

    public static void Record(SlackJitMetrics metrics, Transition transition)
    {
        var ev = transition.Event;
        var request = transition.Next;
        switch (ev.Action)
        {
            case AuditActions.Approved:
                metrics.Decided(Approved, ev.At - request.CreatedAt);
                break;
            case AuditActions.Denied:
                metrics.Decided(Denied, ev.At - request.CreatedAt);
                break;
            case AuditActions.Cancelled:
                metrics.Decided(Cancelled, ev.At - request.CreatedAt);
                break;
            case AuditActions.TimedOut:
                metrics.Decided(TimedOut, ev.At - request.CreatedAt);
                break;
            case AuditActions.Issued:
                // From the deciding approval to the credentials shown: the approver's click to the requester's DM.
                var approved = request.Events.LastOrDefault(e => e.Action == AuditActions.Approved);
                metrics.GrantIssued(approved is null ? null : ev.At - approved.At);
                break;
            case AuditActions.Renewed:
                metrics.GrantIssued(sinceApproval: null);
                break;
            case AuditActions.Expired:
                metrics.GrantEnded(GrantEndHow.Expired);
                break;
            case AuditActions.Ended:
                metrics.GrantEnded(GrantEndHow.Done);
                break;
            case AuditRecord.RevokedAction:
                metrics.GrantEnded(GrantEndHow.Revoked);
                break;
            case AuditActions.IssueReleased or AuditActions.Failed or AuditActions.RenewFailed:
                metrics.IssueFailed(Kind(ev.Detail));
                break;
        }
    }

    /// <summary>
    /// The error code that starts a failure's detail (<c>AccessDenied: …</c>, <c>Slack:not_in_channel: …</c>): a short,
    /// bounded tag value, never the message (which may quote AWS's or Slack's text).
    /// </summary>
    public static string Kind(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return "unknown";
        }
        var end = detail.IndexOf(": ", StringComparison.Ordinal);
        var code = end > 0 ? detail[..end] : detail;
        return code.Length <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '_' or '-' or '.') ? code : "other";
    }
}
