using System.Text.Json;

namespace SlackJit.Audit;

/// <summary>
/// Writes a JSON array with one object per request: the CSV's fields plus its approvals and whole audit trail.
/// Streamed: flushed every few requests, never built whole in memory.
/// </summary>
internal sealed class AuditJsonWriter(Stream output) : IAsyncDisposable
{
    private const int FlushEvery = 256;
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Indented = false });
    private int _pending;

    public void WriteStart() => _json.WriteStartArray();

    public async Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var r = record.Request;
        var j = _json;
        j.WriteStartObject();
        j.WriteString("request_id", r.Id.ToString("D"));
        j.WriteString("short_id", r.ShortId);
        j.WriteString("status", r.Status.ToString());
        j.WriteString("requester", r.Requester.UserId);
        j.WriteString("team", r.Requester.TeamId);
        j.WriteString("resource", r.Resource.Name);
        j.WriteString("bucket", r.Resource.Bucket);
        j.WriteString("prefix", r.Resource.Prefix);
        j.WriteString("requested_duration", AuditFormat.Duration(r.RequestedDuration));
        Optional("approved_duration", r.ApprovedDuration is { } approved ? AuditFormat.Duration(approved) : null);
        j.WriteString("reason", r.Reason);
        j.WriteString("created_at", AuditFormat.Time(r.CreatedAt));
        j.WriteString("deadline", AuditFormat.Time(r.Deadline));
        j.WriteNumber("required_approvals", r.RequiredApprovals);
        Optional("decided_at", AuditFormat.Time(record.DecidedAt));
        j.WriteStartArray("approvals");
        foreach (var approval in r.Approvals)
        {
            j.WriteStartObject();
            j.WriteString("approver", approval.ApproverId);
            j.WriteString("at", AuditFormat.Time(approval.At));
            j.WriteEndObject();
        }
        j.WriteEndArray();
        Optional("denied_by", record.DeniedBy);
        Optional("deny_reason", record.DenyReason);
        Optional("issued_at", AuditFormat.Time(record.IssuedAt));
        Optional("credentials_expire_at", AuditFormat.Time(r.Grant?.SessionExpiry));
        Optional("window_end", AuditFormat.Time(r.Grant?.WindowEnd));
        Optional("access_key_id", r.Grant?.AccessKeyId);
        Optional("assumed_role_id", r.Grant?.AssumedRoleId);
        Optional("ended_at", AuditFormat.Time(record.EndedAt));
        Optional("ended_how", record.EndedHow);
        Optional("ended_by", record.EndedBy);
        Optional("failure", r.Status == Access.RequestStatus.Failed ? FailureDetail(r) : null);
        j.WriteBoolean("break_glass", r.BreakGlass is not null);
        Optional("review_by", AuditFormat.Time(r.BreakGlass?.ReviewBy));
        Optional("acknowledged_by", r.BreakGlass?.AcknowledgedBy);
        Optional("acknowledged_at", AuditFormat.Time(r.BreakGlass?.AcknowledgedAt));
        Optional("review_overdue_at", AuditFormat.Time(r.BreakGlass?.OverdueAt));
        j.WriteStartArray("events");
        foreach (var ev in r.Events)
        {
            j.WriteStartObject();
            j.WriteString("at", AuditFormat.Time(ev.At));
            j.WriteString("actor", ev.Actor);
            j.WriteString("action", ev.Action);
            Optional("from", ev.From?.ToString());
            j.WriteString("to", ev.To.ToString());
            Optional("detail", ev.Detail);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
        if (++_pending >= FlushEvery)
        {
            _pending = 0;
            await j.FlushAsync(cancellationToken);
        }
    }

    public async Task WriteEndAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        await _json.FlushAsync(cancellationToken);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private void Optional(string name, string? value)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteString(name, value);
        }
    }

    // The operator's account of the failure, from the trail ("AccessDenied: …" without its code); the record's
    // Outcome holds only the short reason the approval card shows.
    private static string? FailureDetail(Access.AccessRequest request)
    {
        var detail = request.Events.LastOrDefault(e => e.Action == Access.AuditActions.Failed)?.Detail;
        var colon = detail?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return detail is null ? request.Outcome : colon > 0 ? detail[(colon + 2)..] : detail;
    }
}
