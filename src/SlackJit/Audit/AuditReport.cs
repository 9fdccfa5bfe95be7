using SlackJit.Access;
using SlackJit.Telemetry;

namespace SlackJit.Audit;

/// <summary>
/// Gathers what the compliance report shows in one pass over the records: counts per resource, decision times,
/// the longest grants, grants with no reason, self-approvals and the approvers who decided most. Memory grows with
/// the number of decisions (one number each), not with the records.
/// </summary>
internal sealed class AuditReport
{
    public const int TopCount = 10;

    private readonly SortedDictionary<string, ResourceCounts> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> _decisionSeconds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApproverCounts> _approvers = new(StringComparer.Ordinal);
    private readonly PriorityQueue<GrantLength, TimeSpan> _longest = new();

    public ResourceCounts Total { get; } = new("all");
    public List<AuditRecord> NoReason { get; } = [];
    public List<AuditRecord> SelfApproved { get; } = [];

    /// <summary>Every break-glass grant, in the order read.</summary>
    public List<AuditRecord> BreakGlass { get; } = [];

    public IEnumerable<ResourceCounts> Resources => _resources.Values;

    public void Add(AuditRecord record)
    {
        var r = record.Request;
        if (!_resources.TryGetValue(r.Resource.Name, out var counts))
        {
            _resources[r.Resource.Name] = counts = new ResourceCounts(r.Resource.Name);
        }
        counts.Add(record);
        Total.Add(record);

        if (record.TimeToDecision is { } waited)
        {
            Seconds(r.Resource.Name).Add(waited.TotalSeconds);
            Seconds(Total.Resource).Add(waited.TotalSeconds);
        }
        foreach (var approver in record.Approvers)
        {
            Approver(approver).Approvals++;
        }
        if (record.DeniedBy is { } denier)
        {
            Approver(denier).Denials++;
        }
        if (r.BreakGlass is not null)
        {
            BreakGlass.Add(record);
        }
        if (record.Approvers.Contains(r.Requester.UserId))
        {
            SelfApproved.Add(record);
        }
        if (record.IssuedAt is { } issued)
        {
            if (string.IsNullOrWhiteSpace(r.Reason))
            {
                NoReason.Add(record);
            }
            var end = record.EndedAt ?? r.Grant?.WindowEnd ?? issued;
            _longest.Enqueue(new GrantLength(record, end - issued), end - issued);
            if (_longest.Count > TopCount)
            {
                _longest.Dequeue();
            }
        }
    }

    /// <summary>Nearest-rank median and 95th percentile of decision times, or null when nothing was decided.</summary>
    public (TimeSpan Median, TimeSpan P95, int Count)? DecisionTimes(string resource)
    {
        if (!_decisionSeconds.TryGetValue(resource, out var seconds) || seconds.Count == 0)
        {
            return null;
        }
        seconds.Sort();
        return (TimeSpan.FromSeconds(Percentile(seconds, 0.50)), TimeSpan.FromSeconds(Percentile(seconds, 0.95)), seconds.Count);
    }

    public IEnumerable<GrantLength> LongestGrants() =>
        _longest.UnorderedItems.Select(i => i.Element).OrderByDescending(g => g.Length).ThenBy(g => g.Record.Request.CreatedAt);

    public IEnumerable<(string Approver, ApproverCounts Counts)> TopApprovers() =>
        _approvers.OrderByDescending(a => a.Value.Approvals + a.Value.Denials).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Take(TopCount).Select(a => (a.Key, a.Value));

    internal static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private List<double> Seconds(string resource)
    {
        if (!_decisionSeconds.TryGetValue(resource, out var list))
        {
            _decisionSeconds[resource] = list = [];
        }
        return list;
    }

    private ApproverCounts Approver(string id)
    {
        if (!_approvers.TryGetValue(id, out var counts))
        {
            _approvers[id] = counts = new ApproverCounts();
        }
        return counts;
    }

    internal sealed record GrantLength(AuditRecord Record, TimeSpan Length);

    internal sealed class ApproverCounts
    {
        public int Approvals { get; set; }
        public int Denials { get; set; }
    }

    /// <summary>One row of the per-resource table.</summary>
    internal sealed class ResourceCounts(string resource)
    {
        public string Resource { get; } = resource;
        public int Requests { get; private set; }
        public int Approved { get; private set; }
        public int Denied { get; private set; }
        public int TimedOut { get; private set; }
        public int Cancelled { get; private set; }
        public int Failed { get; private set; }
        public int Issued { get; private set; }
        public int Revoked { get; private set; }

        /// <summary>Grants issued without approval (break-glass).</summary>
        public int BreakGlass { get; private set; }

        /// <summary>Break-glass grants no approver has acknowledged (yet).</summary>
        public int Unacknowledged { get; private set; }

        public void Add(AuditRecord record)
        {
            Requests++;
            var r = record.Request;
            Approved += r.Events.Exists(e => e.Action == AuditActions.Approved) ? 1 : 0;
            Denied += r.Status == RequestStatus.Denied ? 1 : 0;
            TimedOut += r.Status == RequestStatus.TimedOut ? 1 : 0;
            Cancelled += r.Status == RequestStatus.Cancelled ? 1 : 0;
            Failed += r.Status == RequestStatus.Failed ? 1 : 0;
            Issued += record.IssuedAt is null ? 0 : 1;
            Revoked += record.EndedHow == GrantEndHow.Revoked ? 1 : 0;
            BreakGlass += r.BreakGlass is null ? 0 : 1;
            Unacknowledged += r.BreakGlass is { IsAcknowledged: false } ? 1 : 0;
        }
    }
}
