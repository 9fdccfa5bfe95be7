using System.Text;

namespace SlackJit.Audit;

/// <summary>
/// Writes one CSV row per request (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma,
/// quote or line break, quotes doubled). A cell a spreadsheet would run as a formula (starting with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) gets a leading <c>'</c>, so opening the export runs nothing.
/// </summary>
internal sealed class AuditCsvWriter(TextWriter output)
{
    public static readonly string[] Columns =
    [
        "request_id", "status", "requester", "resource", "bucket", "prefix", "requested_duration", "reason",
        "created_at", "decided_at", "approvers", "denied_by", "deny_reason", "issued_at", "credentials_expire_at",
        "access_key_id", "ended_at", "ended_how", "ended_by", "break_glass", "acknowledged_by", "acknowledged_at", "review_overdue_at",
    ];

    private readonly StringBuilder _line = new(512);

    public Task WriteHeaderAsync(CancellationToken cancellationToken) =>
        output.WriteAsync((string.Join(',', Columns) + "\r\n").AsMemory(), cancellationToken);

    public Task WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var r = record.Request;
        _line.Clear();
        Cell(r.Id.ToString("D"));
        Cell(r.Status.ToString());
        Cell(r.Requester.UserId);
        Cell(r.Resource.Name);
        Cell(r.Resource.Bucket);
        Cell(r.Resource.Prefix);
        Cell(AuditFormat.Duration(r.RequestedDuration));
        Cell(r.Reason);
        Cell(AuditFormat.Time(r.CreatedAt));
        Cell(AuditFormat.Time(record.DecidedAt));
        Cell(string.Join(';', record.Approvers));
        Cell(record.DeniedBy);
        Cell(record.DenyReason);
        Cell(AuditFormat.Time(record.IssuedAt));
        Cell(AuditFormat.Time(r.Grant?.SessionExpiry));
        Cell(r.Grant?.AccessKeyId);
        Cell(AuditFormat.Time(record.EndedAt));
        Cell(record.EndedHow);
        Cell(record.EndedBy);
        Cell(r.BreakGlass is null ? "false" : "true");
        Cell(r.BreakGlass?.AcknowledgedBy);
        Cell(AuditFormat.Time(r.BreakGlass?.AcknowledgedAt));
        Cell(AuditFormat.Time(r.BreakGlass?.OverdueAt), last: true);
        return output.WriteAsync(_line, cancellationToken);
    }

    private void Cell(string? value, bool last = false)
    {
        if (!string.IsNullOrEmpty(value))
        {
            bool formula = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            bool quote = formula || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
            if (quote)
            {
                _line.Append('"');
                if (formula)
                {
                    _line.Append('\'');
                }
                _line.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _line.Append(value);
            }
        }
        _line.Append(last ? "\r\n" : ",");
    }
}
