using SlackJit.Access;
using static SlackJit.Tests.Access.AccessRequestBuilder;

namespace SlackJit.Tests.Access;

public sealed class TransitionsGrantTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public void ClaimIssuance_Approved_ClaimsWithALeaseAndCountsTheAttempt()
    {
        var now = ApprovedAt + TimeSpan.FromSeconds(1);

        var next = Allowed(Transitions.ClaimIssuance(In(RequestStatus.Approved).Build(), now, Lease));

        Assert.Equal(RequestStatus.Issuing, next.Status);
        Assert.Equal(1, next.IssueAttempts);
        Assert.Equal(now + Lease, next.DueAt);
        Assert.Equal(AuditActions.IssueClaimed, next.Events[^1].Action);
    }

    [Fact]
    public void ClaimIssuance_ApprovedWaitingForRetry_IsNotDue()
    {
        var released = Allowed(Transitions.ReleaseIssuance(In(RequestStatus.Issuing).Build(), LeaseEnd, LeaseEnd + TimeSpan.FromMinutes(1), "Throttling"));

        var decision = Transitions.ClaimIssuance(released, LeaseEnd + TimeSpan.FromSeconds(30), Lease);

        Assert.Equal(RefusalReason.NotDue, decision.Refusal!.Reason);
    }

    [Fact]
    public void ClaimIssuance_IssuingWithLiveLease_RefusesAsLeaseHeld()
    {
        var decision = Transitions.ClaimIssuance(In(RequestStatus.Issuing).Build(), LeaseEnd - TimeSpan.FromSeconds(1), Lease);

        Assert.Equal(RefusalReason.LeaseHeld, decision.Refusal!.Reason);
    }

    [Fact]
    public void ClaimIssuance_IssuingWithExpiredLease_ReclaimsAndCountsAnotherAttempt()
    {
        var next = Allowed(Transitions.ClaimIssuance(In(RequestStatus.Issuing).Build(), LeaseEnd, Lease));

        Assert.Equal(RequestStatus.Issuing, next.Status);
        Assert.Equal(2, next.IssueAttempts);
        Assert.Equal(LeaseEnd + Lease, next.DueAt);
        Assert.Contains("lease expired", next.Events[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseIssuance_TransientError_BackToApprovedDueAtRetry()
    {
        var retryAt = LeaseEnd + TimeSpan.FromSeconds(30);

        var next = Allowed(Transitions.ReleaseIssuance(In(RequestStatus.Issuing).Build(), LeaseEnd, retryAt, "Throttling"));

        Assert.Equal(RequestStatus.Approved, next.Status);
        Assert.Equal(retryAt, next.DueAt);
        Assert.Equal(1, next.IssueAttempts);
        Assert.Equal("Throttling", next.Events[^1].Detail);
    }

    [Fact]
    public void Activate_Issuing_RecordsGrantAndIsDueAtWindowEnd()
    {
        var grant = Grant();

        var next = Allowed(Transitions.Activate(In(RequestStatus.Issuing).Build(), grant, LeaseEnd));

        Assert.Equal(RequestStatus.Active, next.Status);
        Assert.Equal(grant, next.Grant);
        Assert.Equal(WindowEnd, next.DueAt);
        Assert.Contains(grant.AccessKeyId, next.Events[^1].Detail, StringComparison.Ordinal);
        Assert.Contains(grant.AssumedRoleId, next.Events[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Renew_WithinWindow_CountsTheIssueAndKeepsTheWindowEnd()
    {
        var longer = Grant() with { AccessKeyId = "ASIANEW", SessionExpiry = WindowEnd, WindowEnd = WindowEnd + TimeSpan.FromHours(5) };

        var next = Allowed(Transitions.Renew(In(RequestStatus.Active).Build(), longer, WindowEnd - TimeSpan.FromMinutes(50)));

        Assert.Equal(RequestStatus.Active, next.Status);
        Assert.Equal("ASIANEW", next.Grant!.AccessKeyId);
        Assert.Equal(2, next.Grant.Issues);
        Assert.Equal(WindowEnd, next.Grant.WindowEnd);
        Assert.Equal(WindowEnd, next.DueAt);
        Assert.Equal(AuditActions.Renewed, next.Events[^1].Action);
        Assert.Equal(RequesterId, next.Events[^1].Actor);
    }

    [Fact]
    public void Renew_AfterWindowEnd_RefusesAsWindowClosed()
    {
        var decision = Transitions.Renew(In(RequestStatus.Active).Build(), Grant(), WindowEnd);

        Assert.Equal(RefusalReason.WindowClosed, decision.Refusal!.Reason);
    }

    [Fact]
    public void Expire_BeforeWindowEnd_IsNotDue()
    {
        var decision = Transitions.Expire(In(RequestStatus.Active).Build(), WindowEnd - TimeSpan.FromSeconds(1));

        Assert.Equal(RefusalReason.NotDue, decision.Refusal!.Reason);
    }

    [Fact]
    public void Expire_AtWindowEnd_ExpiresWithNothingDue()
    {
        var next = Allowed(Transitions.Expire(In(RequestStatus.Active).Build(), WindowEnd));

        Assert.Equal(RequestStatus.Expired, next.Status);
        Assert.Null(next.DueAt);
        Assert.Equal(AuditEvent.SystemActor, next.Events[^1].Actor);
    }

    [Fact]
    public void End_BySomeoneElse_RefusesAsNotRequester()
    {
        var decision = Transitions.End(In(RequestStatus.Active).Build(), ApproverId, ApprovedAt + TimeSpan.FromMinutes(20));

        Assert.Equal(RefusalReason.NotRequester, decision.Refusal!.Reason);
    }

    [Fact]
    public void End_ByRequester_EndsAndRecordsWho()
    {
        var next = Allowed(Transitions.End(In(RequestStatus.Active).Build(), RequesterId, ApprovedAt + TimeSpan.FromMinutes(20)));

        Assert.Equal(RequestStatus.Ended, next.Status);
        Assert.Equal(RequesterId, next.DecidedBy);
        // Its credentials still work: it stays due until AWS denies them.
        Assert.Equal(RequesterId, next.Revocation!.By);
        Assert.Equal(ApprovedAt + TimeSpan.FromMinutes(20), next.DueAt);
    }

    [Fact]
    public void Fail_StsMessageWithAnArnAndAHostileCode_NeitherReachesPeople()
    {
        var request = In(RequestStatus.Issuing).Build();
        const string message = "STS refused AssumeRole on arn:aws:iam::123456789012:role/slackjit-read: AccessDenied. STS said: User: arn:aws:sts::1:assumed-role/x is not authorized";

        var next = Allowed(Transitions.Fail(request, "Weird<@U0X> *code*\n", message, LeaseEnd));

        Assert.DoesNotContain("arn:", next.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("STS said", next.Outcome, StringComparison.Ordinal);
        Assert.Equal($"AWS refused to issue the credentials (reference {request.ShortId}/WeirdU0Xcode; details are in SlackJit's log).", next.Outcome);
        Assert.Contains(message, next.Events[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_Issuing_ShowsPeopleAShortReasonAndAReferenceAndKeepsTheMessageForAudit()
    {
        var request = In(RequestStatus.Issuing).Build();
        var next = Allowed(Transitions.Fail(request, "AccessDenied", "The role does not trust SlackJit.", LeaseEnd));

        Assert.Equal(RequestStatus.Failed, next.Status);
        Assert.Equal($"AWS would not let SlackJit assume the role (reference {request.ShortId}/AccessDenied; details are in SlackJit's log).", next.Outcome);
        Assert.Equal("AccessDenied: The role does not trust SlackJit.", next.Events[^1].Detail);
        Assert.Null(next.DueAt);
    }

    [Fact]
    public void RecordAttempt_FinalRequest_AppendsWithoutChangingStatus()
    {
        var expired = In(RequestStatus.Expired).Build();

        var transition = Transitions.RecordAttempt(expired, "U0NOSY", "approve-refused", "not an approver", WindowEnd);

        Assert.Equal(RequestStatus.Expired, transition.Next.Status);
        Assert.Equal(expired.Version + 1, transition.Next.Version);
        Assert.Equal(new AuditEvent(WindowEnd, "U0NOSY", "approve-refused", RequestStatus.Expired, RequestStatus.Expired, "not an approver"), transition.Event);
    }

    [Fact]
    public void WithSlackRefs_CardPosted_StoresRefsAndSaysWhere()
    {
        var refs = new SlackRefs("C0APPROVALS", "1700000000.000100");

        var transition = Transitions.WithSlackRefs(Pending().Build(), refs, T0);

        Assert.Equal(refs, transition.Next.Slack);
        Assert.Equal(RequestStatus.Pending, transition.Next.Status);
        Assert.Equal("card C0APPROVALS 1700000000.000100", transition.Event!.Detail);
    }

    private static AccessRequest Allowed(TransitionDecision decision)
    {
        Assert.True(decision.IsAllowed, decision.ToString());
        return decision.Transition.Next;
    }
}
