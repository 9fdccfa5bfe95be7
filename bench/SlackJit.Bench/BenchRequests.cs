using SlackJit.Access;

namespace SlackJit.Bench;

internal static class BenchRequests
{
    /// <summary>
    /// A request as the create path makes it for <c>analytics-prod/reports 2h INC-i benchmark</c> from requester
    /// <c>i</c> (of <see cref="BenchSettings.Users"/>), or from <paramref name="requester"/> when given: Pending, due in a
    /// minute, with its reminder plan and its first event.
    /// </summary>
    public static AccessRequest Pending(int i, DateTimeOffset now, int? requester = null)
    {
        var from = new SlackIdentity($"U{(requester ?? i) % BenchSettings.Users:D8}", "T0BENCH");
        return new AccessRequest
        {
            Id = RequestIds.New(TimeProvider.System),
            Status = RequestStatus.Pending,
            Version = 1,
            Requester = from,
            Resource = new ResourceRef("analytics", "analytics-prod", "reports"),
            RequestedDuration = TimeSpan.FromHours(2),
            Reason = $"INC-{i} benchmark",
            CreatedAt = now,
            Deadline = now.AddHours(1),
            RequiredApprovals = 1,
            DueAt = now.AddMinutes(1),
            Reminders = new ReminderState(TimeSpan.FromMinutes(15), 3),
            ExpiresAt = now.AddDays(400),
            Events = [new AuditEvent(now, from.UserId, AuditActions.Created, null, RequestStatus.Pending, $"analytics-prod/reports for 2h: INC-{i} benchmark")],
        };
    }

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
