using System.Collections.Immutable;
using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary>
/// Builds requests in any status with coherent fields and fixed times, without going through
/// <see cref="Transitions"/> (so tests of the transitions do not depend on them):
/// created at <see cref="T0"/>, deadline <see cref="Deadline"/>, approved at <see cref="ApprovedAt"/>,
/// issuing lease until <see cref="LeaseEnd"/>, window until <see cref="WindowEnd"/>.
/// </summary>
public sealed class AccessRequestBuilder
{
    public const string RequesterId = "U0REQUEST";
    public const string TeamId = "T0TEAM";
    public const string ApproverId = "U0APPROVE";

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan PendingTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2);
    public static readonly DateTimeOffset Deadline = T0 + PendingTimeout;
    public static readonly DateTimeOffset ApprovedAt = T0 + TimeSpan.FromMinutes(5);
    public static readonly DateTimeOffset LeaseEnd = ApprovedAt + TimeSpan.FromMinutes(1);
    public static readonly DateTimeOffset WindowEnd = ApprovedAt + DefaultDuration;
    public static readonly DateTimeOffset SessionExpiry = ApprovedAt + TimeSpan.FromHours(1);

    private static readonly Guid DefaultId = Guid.Parse("0195a0b4-5c6d-7e8f-9a0b-1c2d3e4f5061");

    private RequestStatus _status = RequestStatus.Pending;
    private Guid _id = DefaultId;
    private string _requester = RequesterId;
    private ResourceRef _resource = new("analytics", "analytics-prod", "reports/");
    private string _reason = "INC-4211 investigating";
    private int _requiredApprovals = 1;
    private string[] _pendingApprovers = [];

    public static AccessRequestBuilder Pending() => new();

    public static AccessRequestBuilder In(RequestStatus status) => new AccessRequestBuilder().InStatus(status);

    public AccessRequestBuilder InStatus(RequestStatus status) => Set(() => _status = status);

    public AccessRequestBuilder WithId(Guid id) => Set(() => _id = id);

    public AccessRequestBuilder WithRequester(string userId) => Set(() => _requester = userId);

    public AccessRequestBuilder WithResource(ResourceRef resource) => Set(() => _resource = resource);

    public AccessRequestBuilder WithReason(string reason) => Set(() => _reason = reason);

    public AccessRequestBuilder WithRequiredApprovals(int count) => Set(() => _requiredApprovals = count);

    /// <summary>Approvals already recorded on a pending request (fewer than required).</summary>
    public AccessRequestBuilder WithApprovals(params string[] approverIds) => Set(() => _pendingApprovers = approverIds);

    public AccessRequest Build()
    {
        var created = new AuditEvent(T0, _requester, AuditActions.Created, null, RequestStatus.Pending, _reason);
        var request = new AccessRequest
        {
            Id = _id,
            Status = RequestStatus.Pending,
            Version = 1,
            Requester = new SlackIdentity(_requester, TeamId),
            Resource = _resource,
            RequestedDuration = DefaultDuration,
            Reason = _reason,
            CreatedAt = T0,
            Deadline = Deadline,
            RequiredApprovals = _requiredApprovals,
            DueAt = Deadline,
            Events = [created],
            ExpiresAt = T0 + TimeSpan.FromDays(400),
            Approvals = [.. _pendingApprovers.Select((a, i) => new Approval(a, T0 + TimeSpan.FromMinutes(1 + i)))],
        };
        request = request with { Version = request.Version + request.Approvals.Count };

        return _status switch
        {
            RequestStatus.Pending => request,
            RequestStatus.Approved => Approved(request),
            RequestStatus.Issuing => Issuing(request),
            RequestStatus.Active => Active(request),
            RequestStatus.Expired => Step(Active(request), RequestStatus.Expired, WindowEnd) with { DueAt = null },
            RequestStatus.Ended => Step(Active(request), RequestStatus.Ended, ApprovedAt + TimeSpan.FromMinutes(30)) with { DueAt = null, DecidedBy = _requester },
            RequestStatus.Denied => Step(request, RequestStatus.Denied, T0 + TimeSpan.FromMinutes(5)) with { DueAt = null, DecidedBy = ApproverId, Outcome = "not now" },
            RequestStatus.Cancelled => Step(request, RequestStatus.Cancelled, T0 + TimeSpan.FromMinutes(5)) with { DueAt = null, DecidedBy = _requester },
            RequestStatus.TimedOut => Step(request, RequestStatus.TimedOut, Deadline) with { DueAt = null },
            RequestStatus.Failed => Step(Issuing(request), RequestStatus.Failed, LeaseEnd) with { DueAt = null, Outcome = "AccessDenied" },
            _ => throw new ArgumentOutOfRangeException(nameof(_status), _status, null),
        };
    }

    /// <summary>The grant recorded on Active (and later) requests.</summary>
    public static GrantInfo Grant(int issues = 1) =>
        new("ASIAEXAMPLEKEY", "AROAEXAMPLE:jit-r", SessionExpiry, WindowEnd, issues);

    private AccessRequest Approved(AccessRequest pending)
    {
        var approvers = Enumerable.Range(0, _requiredApprovals).Select(i => i == _requiredApprovals - 1 ? ApproverId : $"U0APPROVE{i}");
        var approvals = ImmutableList.CreateRange(approvers.Select(a => new Approval(a, ApprovedAt)));
        return Step(pending, RequestStatus.Approved, ApprovedAt) with
        {
            Approvals = approvals,
            ApprovedDuration = DefaultDuration,
            DecidedBy = ApproverId,
            DueAt = ApprovedAt,
        };
    }

    private AccessRequest Issuing(AccessRequest pending) =>
        Step(Approved(pending), RequestStatus.Issuing, ApprovedAt) with { IssueAttempts = 1, DueAt = LeaseEnd };

    private AccessRequest Active(AccessRequest pending) =>
        Step(Issuing(pending), RequestStatus.Active, ApprovedAt + TimeSpan.FromSeconds(5)) with { Grant = Grant(), DueAt = WindowEnd };

    private static AccessRequest Step(AccessRequest request, RequestStatus to, DateTimeOffset at) => request with
    {
        Status = to,
        Version = request.Version + 1,
        Events = request.Events.Add(new AuditEvent(at, AuditEvent.SystemActor, to.ToString().ToLowerInvariant(), request.Status, to)),
    };

    private AccessRequestBuilder Set(Action change)
    {
        change();
        return this;
    }
}
