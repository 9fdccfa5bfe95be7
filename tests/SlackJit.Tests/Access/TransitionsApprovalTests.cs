using SlackJit.Access;
using static SlackJit.Tests.Access.AccessRequestBuilder;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

public sealed class TransitionsApprovalTests
{
    private static readonly DateTimeOffset Now = T0 + TimeSpan.FromMinutes(10);

    [Fact]
    public void Approve_OneOfOne_ApprovesAndMakesIssuanceDueNow()
    {
        var request = Pending().Build();

        var next = Allowed(Transitions.Approve(request, "U0ALICE", Now));

        Assert.Equal(RequestStatus.Approved, next.Status);
        Assert.Equal("U0ALICE", next.DecidedBy);
        Assert.Equal(request.RequestedDuration, next.ApprovedDuration);
        Assert.Equal(Now, next.DueAt);
        Assert.Equal([new Approval("U0ALICE", Now)], next.Approvals);
        Assert.Equal(AuditActions.Approved, next.Events[^1].Action);
        Assert.Equal("U0ALICE", next.Events[^1].Actor);
        Assert.Equal("1 of 1", next.Events[^1].Detail);
    }

    [Fact]
    public void Approve_FirstOfTwo_StaysPendingWithOneMoreApproval()
    {
        var request = Pending().WithRequiredApprovals(2).Build();

        var next = Allowed(Transitions.Approve(request, "U0ALICE", Now));

        Assert.Equal(RequestStatus.Pending, next.Status);
        Assert.Single(next.Approvals);
        Assert.Null(next.ApprovedDuration);
        Assert.Null(next.DecidedBy);
        Assert.Equal(request.Deadline, next.DueAt);
        Assert.Equal(AuditActions.ApprovalRecorded, next.Events[^1].Action);
        Assert.Equal("1 of 2", next.Events[^1].Detail);
    }

    [Fact]
    public void Approve_SecondDistinctOfTwo_Approves()
    {
        var first = Allowed(Transitions.Approve(Pending().WithRequiredApprovals(2).Build(), "U0ALICE", Now));

        var second = Allowed(Transitions.Approve(first, "U0BOB", Now + TimeSpan.FromMinutes(1)));

        Assert.Equal(RequestStatus.Approved, second.Status);
        Assert.Equal("U0BOB", second.DecidedBy);
        Assert.Equal(["U0ALICE", "U0BOB"], second.Approvals.Select(a => a.ApproverId));
        Assert.Equal(3, second.Version);
        Assert.Equal("2 of 2", second.Events[^1].Detail);
    }

    [Fact]
    public void Approve_SameApproverTwice_CountsOnce()
    {
        var first = Allowed(Transitions.Approve(Pending().WithRequiredApprovals(2).Build(), "U0ALICE", Now));

        var again = Transitions.Approve(first, "U0ALICE", Now + TimeSpan.FromMinutes(1));

        Assert.False(again.IsAllowed);
        Assert.Equal(RefusalReason.DuplicateApproval, again.Refusal.Reason);
        Assert.Contains("1 more approval", again.Refusal.Text(), StringComparison.Ordinal);
        Assert.Single(first.Approvals);
    }

    [Fact]
    public void Approve_ThreeOfThree_NeedsThreeDistinctApprovers()
    {
        var request = Pending().WithRequiredApprovals(3).Build();
        var approvers = new[] { "U0A", "U0B", "U0A", "U0C" };
        var statuses = new List<RequestStatus>();
        foreach (var approver in approvers)
        {
            var decision = Transitions.Approve(request, approver, Now);
            if (decision.IsAllowed)
            {
                request = decision.Transition.Next;
            }

            statuses.Add(request.Status);
        }

        Assert.Equal([RequestStatus.Pending, RequestStatus.Pending, RequestStatus.Pending, RequestStatus.Approved], statuses);
        Assert.Equal(3, request.Approvals.Count);
    }

    [Fact]
    public void Approve_DeniedRequest_RefusesNamingWhoDenied()
    {
        var denied = In(RequestStatus.Denied).Build();

        var decision = Transitions.Approve(denied, "U0ALICE", Now);

        Assert.Equal(RefusalReason.AlreadyDecided, decision.Refusal!.Reason);
        Assert.Equal(ApproverId, decision.Refusal.DecidedBy);
        Assert.Equal($"{denied.ShortId} was already denied by <@{ApproverId}>.", decision.Refusal.Text());
    }

    [Fact]
    public void Approve_AlreadyApproved_RefusesNamingWhoApproved()
    {
        var decision = Transitions.Approve(In(RequestStatus.Approved).Build(), "U0ALICE", Now);

        Assert.Equal(RefusalReason.AlreadyDecided, decision.Refusal!.Reason);
        Assert.Contains($"already approved by <@{ApproverId}>", decision.Refusal.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_PastDeadlineBeforeSweep_Refuses()
    {
        var decision = Transitions.Approve(Pending().Build(), "U0ALICE", Deadline);

        Assert.Equal(RefusalReason.PastDeadline, decision.Refusal!.Reason);
    }

    [Fact]
    public void Deny_WithReason_DecidesAndKeepsTheReason()
    {
        var next = Allowed(Transitions.Deny(Pending().WithRequiredApprovals(2).WithApprovals("U0ALICE").Build(), "U0BOB", "  use the staging bucket ", Now));

        Assert.Equal(RequestStatus.Denied, next.Status);
        Assert.Equal("U0BOB", next.DecidedBy);
        Assert.Equal("use the staging bucket", next.Outcome);
        Assert.Equal("use the staging bucket", next.Events[^1].Detail);
        Assert.Null(next.DueAt);
    }

    [Fact]
    public void Deny_WithoutReason_LeavesOutcomeEmpty()
    {
        var next = Allowed(Transitions.Deny(Pending().Build(), "U0BOB", "   ", Now));

        Assert.Null(next.Outcome);
    }

    [Fact]
    public void Cancel_BySomeoneElse_RefusesAsNotRequester()
    {
        var decision = Transitions.Cancel(Pending().Build(), "U0ALICE", Now);

        Assert.Equal(RefusalReason.NotRequester, decision.Refusal!.Reason);
        Assert.Contains($"<@{RequesterId}>", decision.Refusal.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_ByRequester_Cancels()
    {
        var next = Allowed(Transitions.Cancel(Pending().Build(), RequesterId, Now));

        Assert.Equal(RequestStatus.Cancelled, next.Status);
        Assert.Equal(RequesterId, next.DecidedBy);
        Assert.Equal(RequesterId, next.Events[^1].Actor);
    }

    [Fact]
    public void Cancel_AfterApproval_SaysItWasApproved()
    {
        var decision = Transitions.Cancel(In(RequestStatus.Approved).Build(), RequesterId, Now);

        Assert.Equal(RefusalReason.AlreadyDecided, decision.Refusal!.Reason);
        Assert.Equal(ApproverId, decision.Refusal.DecidedBy);
    }

    [Fact]
    public void TimeOut_BeforeDeadline_IsNotDue()
    {
        var decision = Transitions.TimeOut(Pending().Build(), Deadline - TimeSpan.FromSeconds(1));

        Assert.Equal(RefusalReason.NotDue, decision.Refusal!.Reason);
    }

    [Fact]
    public void TimeOut_AtDeadline_TimesOutAsSystem()
    {
        var next = Allowed(Transitions.TimeOut(Pending().Build(), Deadline));

        Assert.Equal(RequestStatus.TimedOut, next.Status);
        Assert.Equal(AuditEvent.SystemActor, next.Events[^1].Actor);
        Assert.Equal(AuditActions.TimedOut, next.Events[^1].Action);
    }

    private static AccessRequest Allowed(TransitionDecision decision)
    {
        Assert.True(decision.IsAllowed, decision.ToString());
        return decision.Transition.Next;
    }
}
