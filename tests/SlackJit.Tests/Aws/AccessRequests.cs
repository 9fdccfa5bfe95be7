using SlackJit.Access;

namespace SlackJit.Tests.Aws;

/// <summary>Approved requests for the harness catalog.</summary>
internal static class AccessRequests
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    public static AccessRequest Approved(string resource = "logs", string bucket = "acme-logs", string prefix = "app/2025/",
        string userId = "U0123ABCD", string teamId = "T0456EFGH") => new()
    {
        Id = Guid.CreateVersion7(Now),
        Status = RequestStatus.Issuing,
        Version = 3,
        Requester = new SlackIdentity(userId, teamId),
        Resource = new ResourceRef(resource, bucket, prefix),
        RequestedDuration = TimeSpan.FromHours(2),
        ApprovedDuration = TimeSpan.FromHours(2),
        Reason = "incident 42",
        CreatedAt = Now,
        Deadline = Now.AddHours(1),
        RequiredApprovals = 1,
        ExpiresAt = Now.AddDays(400),
    };
}
