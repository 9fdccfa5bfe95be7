using SlackJit.Access;

namespace SlackJit.Bench;

internal static class BenchRequests
{
    public static AccessRequest New(int i, DateTimeOffset now, DateTimeOffset? dueAt) => new()
    {
        Id = Guid.CreateVersion7(now.AddMilliseconds(-i)),
        Status = dueAt is null ? RequestStatus.Expired : RequestStatus.Pending,
        Version = 1,
        Requester = new SlackIdentity($"U{i % 5000:D8}", "T0BENCH"),
        Resource = new ResourceRef("analytics", "analytics-prod", "reports/"),
        RequestedDuration = TimeSpan.FromHours(1),
        Reason = "benchmark",
        CreatedAt = now.AddSeconds(-i),
        Deadline = now.AddHours(1),
        RequiredApprovals = 1,
        DueAt = dueAt,
        ExpiresAt = now.AddDays(400),
        Events = [new AuditEvent(now, $"U{i % 5000:D8}", AuditActions.Created, null, RequestStatus.Pending, "benchmark")],
    };
}
