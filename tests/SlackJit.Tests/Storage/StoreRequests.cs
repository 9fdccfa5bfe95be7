using System.Collections.Immutable;
using SlackJit.Access;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Storage;

/// <summary>Builds requests and transitions for the store tests.</summary>
internal static class StoreRequests
{
    public static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public static SlackIdentity Requester(string userId = "U0REQUEST", string teamId = "T0TEAM") => new(userId, teamId);

    public static AccessRequest Pending(
        DateTimeOffset? createdAt = null, SlackIdentity? requester = null, DateTimeOffset? dueAt = null, Guid? id = null)
    {
        var at = createdAt ?? T0;
        var who = requester ?? Requester();
        return AccessRequestBuilder.Pending().WithId(id ?? Guid.NewGuid()).WithRequester(who.UserId).Build() with
        {
            Version = 0,
            Requester = who,
            CreatedAt = at,
            Deadline = at.AddHours(1),
            DueAt = dueAt,
            Events = [new AuditEvent(at, who.UserId, "created", null, RequestStatus.Pending, "INC-4211 investigating")],
            ExpiresAt = at.AddDays(400),
        };
    }

    /// <summary>A request with every optional field set, odd characters, a non-UTC offset and sub-millisecond ticks.</summary>
    public static AccessRequest Rich()
    {
        var at = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        var who = Requester("U0RICH", "T0RICH");
        return new AccessRequest
        {
            Id = Guid.CreateVersion7(at),
            Status = RequestStatus.Active,
            Version = 4,
            Requester = who,
            Resource = new ResourceRef("finance", "finance-ledger", "2026/Q1/ünïcode \"quoted\" path/"),
            RequestedDuration = TimeSpan.FromHours(4),
            ApprovedDuration = TimeSpan.FromMinutes(90),
            Reason = "Audit \"close\" — line1\nline2 <b>&amp;</b> ✓",
            CreatedAt = at,
            Deadline = at.AddMinutes(60),
            RequiredApprovals = 2,
            Approvals = [new Approval("U0APPROVER1", at.AddMinutes(5)), new Approval("W0APPROVER2", at.AddMinutes(7))],
            Grant = new GrantInfo("ASIAEXAMPLEKEYID", "AROAEXAMPLEROLE:jit-abc", at.AddMinutes(68), at.AddMinutes(97), 2),
            Slack = new SlackRefs("C0CARDS", "1712345678.000100", "D0DM", "1712345679.000200"),
            DueAt = at.AddMinutes(97),
            IssueAttempts = 2,
            DecidedBy = "W0APPROVER2",
            Outcome = "approved with a shorter window",
            Events =
            [
                new AuditEvent(at, who.UserId, "created", null, RequestStatus.Pending),
                new AuditEvent(at.AddMinutes(5), "U0APPROVER1", "approval", RequestStatus.Pending, RequestStatus.Pending, "1 of 2"),
                new AuditEvent(at.AddMinutes(7), "W0APPROVER2", "approved", RequestStatus.Pending, RequestStatus.Approved, "ok"),
                new AuditEvent(at.AddMinutes(8), AuditEvent.SystemActor, "issuing", RequestStatus.Approved, RequestStatus.Issuing),
                new AuditEvent(at.AddMinutes(8).AddTicks(1), AuditEvent.SystemActor, "issued", RequestStatus.Issuing, RequestStatus.Active, "ASIAEXAMPLEKEYID"),
            ],
            ExpiresAt = at.AddDays(400),
        };
    }

    public static Transition Approve(AccessRequest current, string approver, DateTimeOffset at, DateTimeOffset? dueAt = null)
    {
        var ev = new AuditEvent(at, approver, "approved", current.Status, RequestStatus.Approved, "by " + approver);
        var next = current with
        {
            Status = RequestStatus.Approved,
            Approvals = current.Approvals.Add(new Approval(approver, at)),
            ApprovedDuration = current.RequestedDuration,
            DecidedBy = approver,
            DueAt = dueAt,
        };
        return Transition.From(current, next, ev);
    }

    /// <summary>One approval of several: the status stays Pending, so only the version tells writers apart.</summary>
    public static Transition RecordApproval(AccessRequest current, string approver, DateTimeOffset at)
    {
        var ev = new AuditEvent(at, approver, "approval", current.Status, current.Status, "by " + approver);
        var next = current with { Approvals = current.Approvals.Add(new Approval(approver, at)) };
        return Transition.From(current, next, ev);
    }

    /// <summary>Compares every member; the lists are compared element by element.</summary>
    public static void AssertSameRequest(AccessRequest expected, AccessRequest? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            expected with { Approvals = ImmutableList<Approval>.Empty, Events = ImmutableList<AuditEvent>.Empty },
            actual with { Approvals = ImmutableList<Approval>.Empty, Events = ImmutableList<AuditEvent>.Empty });
        Assert.Equal(expected.Approvals, actual.Approvals);
        Assert.Equal(expected.Events, actual.Events);
    }
}
