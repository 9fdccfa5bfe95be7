using System.Collections.Immutable;
using SlackJit.Access;
using SlackJit.Telemetry;

namespace SlackJit.Audit;

/// <summary>
/// One request as an auditor reads it: who asked for what and why, who decided and when, what was issued and how it
/// ended. Derived from the record and its audit trail; holds ids and times only, never a secret. A break-glass grant's
/// review (who acknowledged it and when, when it went overdue) is read from the request's own <see cref="AccessRequest.BreakGlass"/>.
/// </summary>
internal sealed record AuditRecord
{
    public required AccessRequest Request { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public ImmutableList<string> Approvers { get; init; } = [];
    public string? DeniedBy { get; init; }
    public string? DenyReason { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>One of <see cref="GrantEndHow"/>, or null while the grant runs (or when none was issued).</summary>
    public string? EndedHow { get; init; }

    public string? EndedBy { get; init; }

    /// <summary>From the request to the deciding approval or the deny; null when nobody decided.</summary>
    public TimeSpan? TimeToDecision => DecidedAt - Request.CreatedAt;

    public static AuditRecord From(AccessRequest request)
    {
        var record = new AuditRecord
        {
            Request = request,
            Approvers = [.. request.Approvals.Select(a => a.ApproverId)],
        };
        foreach (var ev in request.Events)
        {
            record = ev.Action switch
            {
                AuditActions.Approved => record with { DecidedAt = ev.At },
                AuditActions.Denied => record with { DecidedAt = ev.At, DeniedBy = ev.Actor, DenyReason = ev.Detail },
                AuditActions.Issued when record.IssuedAt is null => record with { IssuedAt = ev.At },
                var action when GrantEndHow.ForAction(action) is { } how => record with { EndedAt = ev.At, EndedHow = how, EndedBy = ev.Actor },
                _ => record,
            };
        }
        return record;
    }
}
