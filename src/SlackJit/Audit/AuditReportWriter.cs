using System.Globalization;

namespace SlackJit.Audit;

/// <summary>Renders an <see cref="AuditReport"/> as Markdown for a person to hand to an auditor.</summary>
internal static class AuditReportWriter
{
    public static async Task WriteAsync(TextWriter output, AuditReport report, AuditQuery query, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var md = new System.Text.StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("# SlackJit access report").AppendLine();
        md.Append(inv, $"- Period: requests created from {AuditFormat.Time(query.From)} to {AuditFormat.Time(query.To)} (UTC, end excluded)").AppendLine();
        md.Append(inv, $"- Resource: {query.Resource ?? "all"}; requester: {query.Requester ?? "all"}").AppendLine();
        md.Append(inv, $"- Generated: {AuditFormat.Time(generatedAt)}").AppendLine().AppendLine();

        md.AppendLine("## Requests per resource").AppendLine();
        md.AppendLine("| resource | requests | approved | denied | timed out | cancelled | failed | issued | revoked | break-glass | unacknowledged |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in report.Resources.Append(report.Total))
        {
            var name = ReferenceEquals(c, report.Total) ? "**all**" : Cell(c.Resource);
            md.Append(inv, $"| {name} | {c.Requests} | {c.Approved} | {c.Denied} | {c.TimedOut} | {c.Cancelled} | {c.Failed} | {c.Issued} | {c.Revoked} | {c.BreakGlass} | {c.Unacknowledged} |").AppendLine();
        }
        md.AppendLine();
        md.Append(inv, $"Break-glass: {report.Total.BreakGlass} issued without approval, {report.Total.Unacknowledged} not acknowledged by an approver.").AppendLine().AppendLine();

        md.AppendLine("## Time to decision").AppendLine();
        md.AppendLine("From the request to the deciding approval or the deny.").AppendLine();
        md.AppendLine("| resource | decisions | median | p95 |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var name in report.Resources.Select(c => c.Resource).Append(report.Total.Resource))
        {
            var label = name == report.Total.Resource ? "**all**" : Cell(name);
            md.AppendLine(report.DecisionTimes(name) is { } t
                ? string.Create(inv, $"| {label} | {t.Count} | {AuditFormat.Human(t.Median)} | {AuditFormat.Human(t.P95)} |")
                : $"| {label} | 0 | – | – |");
        }

        md.AppendLine().Append(inv, $"## Longest grants (top {AuditReport.TopCount})").AppendLine().AppendLine();
        var longest = report.LongestGrants().ToList();
        if (longest.Count == 0)
        {
            md.AppendLine("No grant was issued.");
        }
        else
        {
            md.AppendLine("| request | requester | resource | issued | ended | length | how | reason |");
            md.AppendLine("|---|---|---|---|---|---:|---|---|");
            foreach (var g in longest)
            {
                var r = g.Record.Request;
                md.Append(inv, $"| {r.ShortId} | {Cell(r.Requester.UserId)} | {Cell(r.Resource.Display)} | {AuditFormat.Time(g.Record.IssuedAt)} | {AuditFormat.Time(g.Record.EndedAt) ?? "running"} | {AuditFormat.Human(g.Length)} | {g.Record.EndedHow ?? "–"} | {Cell(r.Reason)} |").AppendLine();
            }
        }

        md.AppendLine().AppendLine("## Grants with no reason").AppendLine();
        AppendList(md, report.NoReason, "None: every grant has a reason.");

        md.AppendLine().AppendLine("## Break-glass grants").AppendLine();
        if (report.BreakGlass.Count == 0)
        {
            md.AppendLine("None: every grant was approved.");
        }
        else
        {
            md.AppendLine("| request | requester | resource | issued | acknowledged by | acknowledged | overdue | reason |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var record in report.BreakGlass)
            {
                var r = record.Request;
                md.Append(inv, $"| {r.ShortId} | {Cell(r.Requester.UserId)} | {Cell(r.Resource.Display)} | {AuditFormat.Time(record.IssuedAt) ?? "not issued"} | {Cell(r.BreakGlass?.AcknowledgedBy ?? "**not acknowledged**")} | {AuditFormat.Time(r.BreakGlass?.AcknowledgedAt) ?? "–"} | {AuditFormat.Time(r.BreakGlass?.OverdueAt) ?? "–"} | {Cell(r.Reason)} |").AppendLine();
            }
        }

        md.AppendLine().AppendLine("## Self-approvals").AppendLine();
        AppendList(md, report.SelfApproved, "None: no requester approved their own request.");

        md.AppendLine().Append(inv, $"## Approvers who decided most (top {AuditReport.TopCount})").AppendLine().AppendLine();
        var approvers = report.TopApprovers().ToList();
        if (approvers.Count == 0)
        {
            md.AppendLine("Nobody decided a request in this period.");
        }
        else
        {
            md.AppendLine("| approver | approvals | denials | total |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var (approver, counts) in approvers)
            {
                md.Append(inv, $"| {Cell(approver)} | {counts.Approvals} | {counts.Denials} | {counts.Approvals + counts.Denials} |").AppendLine();
            }
        }
        await output.WriteAsync(md, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static void AppendList(System.Text.StringBuilder md, List<AuditRecord> records, string none)
    {
        if (records.Count == 0)
        {
            md.AppendLine(none);
            return;
        }
        md.AppendLine("| request | requester | resource | created | approvers |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var record in records)
        {
            var r = record.Request;
            md.Append(CultureInfo.InvariantCulture,
                $"| {r.ShortId} | {Cell(r.Requester.UserId)} | {Cell(r.Resource.Display)} | {AuditFormat.Time(r.CreatedAt)} | {Cell(string.Join(", ", record.Approvers))} |").AppendLine();
        }
    }

    // A reason is free text: keep it on one table row and unable to close the cell or open markup.
    private static string Cell(string text) =>
        text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
