using SlackJit.Access;

namespace SlackJit.Telemetry;

/// <summary>Which metric a landed transition moves, read from its audit event.</summary>
internal static class TransitionMetrics
{
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Cancelled = "cancelled";
    public const string TimedOut = "timed_out";

    // The trail's verb of each way a pending request is decided, and its decision tag.
    private static readonly Dictionary<string, string> Decisions = new(StringComparer.Ordinal)
    {
        [AuditActions.Approved] = Approved,
        [AuditActions.Denied] = Denied,
        [AuditActions.Cancelled] = Cancelled,
        [AuditActions.TimedOut] = TimedOut,
    };

    public static void Record(SlackJitMetrics metrics, Transition transition)
    {
        // Bookkeeping without an audit event (a new due time, a repeated refused click) moves no metric.
        if (transition.Event is not { } ev)
        {
            return;
        }

        var request = transition.Next;
        if (Decisions.TryGetValue(ev.Action, out var decision))
        {
            metrics.Decided(decision, ev.At - request.CreatedAt);
            return;
        }
        switch (ev.Action)
        {
            case AuditActions.Issued:
                // From the deciding approval to the credentials shown: the approver's click to the requester's DM.
                var approved = request.Events.LastOrDefault(e => e.Action == AuditActions.Approved);
                metrics.GrantIssued(approved is null ? null : ev.At - approved.At);
                break;
            case AuditActions.Renewed:
                metrics.GrantIssued(sinceApproval: null);
                break;
            case var action when GrantEndHow.ForAction(action) is { } how:
                metrics.GrantEnded(how);
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
