using System.Collections.Immutable;
using SlackJit.Access;
using SlackJit.Telemetry;

namespace SlackJit.Audit;

/// <summary>
/// One request as an auditor reads it: who asked for what and why, who decided and when, what was issued and how it
/// ended. Derived from the record and its audit trail; holds ids and times only, never a secret.
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

    /// <summary>Issued without approval (break-glass); its acknowledgement and overdue note follow.</summary>
    public bool BreakGlass { get; init; }

    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When the break-glass review was marked overdue (nobody acknowledged it in time).</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>A break-glass grant nobody has acknowledged (yet).</summary>
    public bool Unacknowledged => BreakGlass && AcknowledgedBy is null;

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
                AuditActions.BreakGlass => record with { BreakGlass = true },
                AuditActions.BreakGlassAcknowledged => record with { AcknowledgedBy = ev.Actor, AcknowledgedAt = ev.At },
                AuditActions.BreakGlassOverdue => record with { OverdueAt = ev.At },
                var action when GrantEndHow.ForAction(action) is { } how => record with { EndedAt = ev.At, EndedHow = how, EndedBy = ev.Actor },
                _ => record,
            };
        }
        return record;
    }
}
