using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Tests.Audit;

/// <summary>
/// A known quarter of requests, each built through the real transitions and stored the way the app stores them
/// (create, then one conditional transition per step): expired, done, denied, timed out, failed, revoked and
/// cancelled, plus one just before and one just after the period.
/// </summary>
internal static class AuditScenario
{
    public const string Team = "T0TEAM";
    public const string Alice = "U0ALICE";
    public const string Bob = "U0BOB";
    public const string Carol = "U0CAROL";
    public const string Dave = "U0DAVE";
    public const string Erin = "U0ERIN";
    public const string Admin = "U0ADMIN";

    /// <summary>A deny reason a spreadsheet would run as a formula.</summary>
    public const string FormulaReason = "=HYPERLINK(\"http://x\",\"y\")";

    /// <summary>A reason with a comma, quotes and a line break.</summary>
    public const string AwkwardReason = "read \"q3\", then\nclose";

    public static readonly DateTimeOffset From = At("2026-10-01T00:00:00Z");
    public static readonly DateTimeOffset To = At("2027-01-01T00:00:00Z");

    public static readonly Guid Expired = Id(1);
    public static readonly Guid Done = Id(2);
    public static readonly Guid Denied = Id(3);
    public static readonly Guid TimedOut = Id(4);
    public static readonly Guid Failed = Id(5);
    public static readonly Guid Revoked = Id(6);
    public static readonly Guid Cancelled = Id(7);
    public static readonly Guid Before = Id(8);
    public static readonly Guid After = Id(9);

    private static readonly ResourceRef Analytics = new("analytics", "analytics-prod", "reports/");
    private static readonly ResourceRef Finance = new("finance", "finance-data", "");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The ids inside the period, in creation order.</summary>
    public static readonly Guid[] InPeriod = [Expired, Done, Denied, TimedOut, Failed, Revoked, Cancelled];

    public static async Task SeedAsync(IAccessRequestStore store, CancellationToken ct)
    {
        // Expired: approved by Bob after 4 min, issued, the 2 h window runs out.
        var t = At("2026-10-05T09:00:00Z");
        var r = await CreateAsync(store, Expired, Alice, Analytics, "INC-1 disk full", t, ct);
        r = await ApplyAsync(store, Transitions.Approve(r, Bob, t.AddMinutes(4)), ct);
        r = await IssueAsync(store, r, "ASIAEXPIRED00001", t.AddMinutes(4).AddSeconds(3), ct);
        await ApplyAsync(store, Transitions.Expire(r, r.Grant!.WindowEnd), ct);

        // Done: approved by Bob after 10 min, the requester ends it after 30 min.
        t = At("2026-10-20T14:00:00Z");
        r = await CreateAsync(store, Done, Alice, Analytics, AwkwardReason, t, ct);
        r = await ApplyAsync(store, Transitions.Approve(r, Bob, t.AddMinutes(10)), ct);
        r = await IssueAsync(store, r, "ASIADONE00000002", t.AddMinutes(10).AddSeconds(2), ct);
        await ApplyAsync(store, Transitions.End(r, Alice, t.AddMinutes(40)), ct);

        // Denied by Dave after 2 min, with a reason that looks like a formula.
        t = At("2026-11-02T08:00:00Z");
        r = await CreateAsync(store, Denied, Carol, Finance, "month end", t, ct);
        await ApplyAsync(store, Transitions.Deny(r, Dave, FormulaReason, t.AddMinutes(2)), ct);

        // Nobody decided.
        t = At("2026-11-10T08:00:00Z");
        r = await CreateAsync(store, TimedOut, Carol, Finance, "late night check", t, ct);
        await ApplyAsync(store, Transitions.TimeOut(r, r.Deadline), ct);

        // Approved by Bob after 6 min; STS refused.
        t = At("2026-11-20T10:00:00Z");
        r = await CreateAsync(store, Failed, Erin, Analytics, "INC-7", t, ct);
        r = await ApplyAsync(store, Transitions.Approve(r, Bob, t.AddMinutes(6)), ct);
        r = await ApplyAsync(store, Transitions.ClaimIssuance(r, t.AddMinutes(6), Lease), ct);
        await ApplyAsync(store, Transitions.Fail(r, "AccessDenied", "the role refused the session", t.AddMinutes(6).AddSeconds(1)), ct);

        // Two approvals (Bob, then Dave after 20 min); an admin takes the access back after 15 min.
        t = At("2026-12-01T09:00:00Z");
        r = await CreateAsync(store, Revoked, Erin, Finance, "audit prep", t, ct, requiredApprovals: 2);
        r = await ApplyAsync(store, Transitions.Approve(r, Bob, t.AddMinutes(5)), ct);
        r = await ApplyAsync(store, Transitions.Approve(r, Dave, t.AddMinutes(20)), ct);
        r = await IssueAsync(store, r, "ASIAREVOKED00006", t.AddMinutes(20).AddSeconds(4), ct);
        await ApplyAsync(store, Revoke(r, Admin, t.AddMinutes(35)), ct);

        // The requester withdraws.
        t = At("2026-12-30T23:00:00Z");
        r = await CreateAsync(store, Cancelled, Alice, Analytics, "oops", t, ct);
        await ApplyAsync(store, Transitions.Cancel(r, Alice, t.AddMinutes(1)), ct);

        // Just outside the period on both sides.
        await CreateAsync(store, Before, Alice, Analytics, "before", At("2026-09-30T23:59:59.999Z"), ct);
        await CreateAsync(store, After, Alice, Analytics, "after", To, ct);
    }

    /// <summary>
    /// Access taken back by someone other than the requester: the trail verb the export reads as <c>revoked</c>.
    /// </summary>
    public static Transition Revoke(AccessRequest active, string actor, DateTimeOffset at) => Transition.From(
        active,
        active with { Status = RequestStatus.Ended, DecidedBy = actor, DueAt = null },
        new AuditEvent(at, actor, SlackJit.Telemetry.GrantEndHow.RevokedAction, active.Status, RequestStatus.Ended, "revoked by an administrator"));

    public static AccessRequest NewRequest(Guid id, string requester, ResourceRef resource, string reason, DateTimeOffset at, int requiredApprovals = 1) => new()
    {
        Id = id,
        Status = RequestStatus.Pending,
        Version = 1,
        Requester = new SlackIdentity(requester, Team),
        Resource = resource,
        RequestedDuration = TimeSpan.FromHours(2),
        Reason = reason,
        CreatedAt = at,
        Deadline = at.AddHours(1),
        RequiredApprovals = requiredApprovals,
        DueAt = at.AddHours(1),
        Events = [new AuditEvent(at, requester, AuditActions.Created, null, RequestStatus.Pending, reason)],
        ExpiresAt = at.AddDays(400),
    };

    public static async Task<AccessRequest> CreateAsync(
        IAccessRequestStore store, Guid id, string requester, ResourceRef resource, string reason, DateTimeOffset at, CancellationToken ct, int requiredApprovals = 1)
    {
        var request = NewRequest(id, requester, resource, reason, at, requiredApprovals);
        Assert.Equal(CreateResult.Created, await store.CreateAsync(request, ct));
        return request;
    }

    public static async Task<AccessRequest> ApplyAsync(IAccessRequestStore store, TransitionDecision decision, CancellationToken ct)
    {
        var transition = Assert.IsType<Transition>(decision.Transition);
        var result = await store.ApplyAsync(transition, ct);
        Assert.True(result.Applied);
        return result.Current!;
    }

    private static async Task<AccessRequest> IssueAsync(IAccessRequestStore store, AccessRequest approved, string accessKeyId, DateTimeOffset at, CancellationToken ct)
    {
        var issuing = await ApplyAsync(store, Transitions.ClaimIssuance(approved, at, Lease), ct);
        var window = at + approved.ApprovedDuration!.Value;
        var grant = new GrantInfo(accessKeyId, "AROAEXAMPLE:jit-" + accessKeyId[^4..], at.AddHours(1), window);
        return await ApplyAsync(store, Transitions.Activate(issuing, grant, at), ct);
    }

    private static Guid Id(int n) => Guid.Parse($"0195a0b4-0000-7000-8000-{n:000000000000}");

    public static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
