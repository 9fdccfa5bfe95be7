using Microsoft.Extensions.Time.Testing;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class AccessRequestsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_AllowedDecision_IsPendingAndDueAtItsDeadline()
    {
        var time = new FakeTimeProvider(Now);
        var resource = new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", RequiredApprovals = 2, Approvers = ["U1", "U2"] };
        var allowed = new AccessDecision.Allowed(resource, new ResourceRef("analytics", "analytics-prod", "reports/"), TimeSpan.FromHours(2), "INC-4211");
        var options = new AccessOptions { PendingTimeout = TimeSpan.FromMinutes(30), Retention = TimeSpan.FromDays(90) };

        var request = AccessRequests.Create(allowed, new SlackIdentity("U0REQ", "T0TEAM"), options, time);

        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Equal(1, request.Version);
        Assert.Equal(7, request.Id.Version);
        Assert.Equal(Now, request.CreatedAt);
        Assert.Equal(Now + TimeSpan.FromMinutes(30), request.Deadline);
        Assert.Equal(request.Deadline, request.DueAt);
        Assert.Equal(Now + TimeSpan.FromDays(90), request.ExpiresAt);
        Assert.Equal(2, request.RequiredApprovals);
        Assert.Equal(TimeSpan.FromHours(2), request.RequestedDuration);
        Assert.Null(request.ApprovedDuration);
        Assert.Equal("INC-4211", request.Reason);
        var created = Assert.Single(request.Events);
        Assert.Equal(new AuditEvent(Now, "U0REQ", AuditActions.Created, null, RequestStatus.Pending, "analytics-prod/reports/ for 2h: INC-4211"), created);
    }

    [Fact]
    public void WindowEnd_Approved_IsApprovalTimePlusApprovedDuration()
    {
        var approved = AccessRequestBuilder.In(RequestStatus.Approved).Build();

        Assert.Equal(AccessRequestBuilder.ApprovedAt, AccessRequests.ApprovedAt(approved));
        Assert.Equal(AccessRequestBuilder.WindowEnd, AccessRequests.WindowEnd(approved));
    }

    [Fact]
    public void WindowEnd_Pending_IsNull()
    {
        var pending = AccessRequestBuilder.Pending().WithRequiredApprovals(2).WithApprovals("U0ALICE").Build();

        Assert.Null(AccessRequests.WindowEnd(pending));
    }
}
