using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary>The reminder, nudge and escalation transitions and the schedule they keep (pure).</summary>
public sealed class TransitionsRemindersTests
{
    private static readonly DateTimeOffset T0 = AccessRequestBuilder.T0;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static AccessRequest Pending(int max = 2, DateTimeOffset? escalateAt = null) =>
        AccessRequestBuilder.Pending().Build() with
        {
            Slack = new SlackRefs("C0APPROVERS", "1.1"),
            Reminders = new ReminderState(Interval, max, escalateAt),
        };

    [Fact]
    public void NextDue_WithRemindersAndEscalation_IsTheEarliest()
    {
        Assert.Equal(T0 + Interval, Reminders.NextDue(Pending()));
        Assert.Equal(T0 + TimeSpan.FromMinutes(5), Reminders.NextDue(Pending(escalateAt: T0 + TimeSpan.FromMinutes(5))));
        Assert.Equal(AccessRequestBuilder.Deadline, Reminders.NextDue(Pending(max: 0)));
        Assert.Equal(AccessRequestBuilder.Deadline, Reminders.NextDue(AccessRequestBuilder.Pending().Build()));
    }

    [Fact]
    public void Remind_Due_CountsItAndMovesTheDueTimeOn()
    {
        var decision = Transitions.Remind(Pending(), T0 + Interval);

        Assert.True(decision.IsAllowed);
        var next = decision.Transition.Next;
        Assert.Equal(1, next.Reminders.Sent);
        Assert.Equal(T0 + Interval, next.Reminders.LastReminderAt);
        Assert.Equal(T0 + Interval + Interval, next.DueAt);
        Assert.Equal(AuditActions.Reminded, decision.Transition.Event!.Action);
        Assert.Equal("reminder 1 of 2", decision.Transition.Event.Detail);
    }

    [Fact]
    public void Remind_LastOne_DueAtTheDeadline()
    {
        var once = Transitions.Remind(Pending(max: 1), T0 + Interval).Transition!.Next;

        Assert.Equal(once.Deadline, once.DueAt);
        Assert.Equal(RefusalReason.NotDue, Transitions.Remind(once, T0 + Interval * 3).Refusal!.Reason);
    }

    [Fact]
    public void Remind_NotYetDueOrWithoutCard_Refused()
    {
        Assert.Equal(RefusalReason.NotDue, Transitions.Remind(Pending(), T0 + Interval - TimeSpan.FromSeconds(1)).Refusal!.Reason);
        Assert.Equal(RefusalReason.NotDue, Transitions.Remind(Pending() with { Slack = SlackRefs.None }, T0 + Interval).Refusal!.Reason);
    }

    [Fact]
    public void Remind_Decided_Refused()
    {
        var denied = Transitions.Deny(Pending(), "U0APPROVER1", null, T0).Transition!.Next;

        Assert.Equal(RefusalReason.AlreadyDecided, Transitions.Remind(denied, T0 + Interval).Refusal!.Reason);
    }

    [Fact]
    public void Nudge_OncePerInterval()
    {
        var request = Pending();
        var requester = request.Requester.UserId;

        var first = Transitions.Nudge(request, requester, T0 + TimeSpan.FromMinutes(1));
        Assert.True(first.IsAllowed);
        Assert.Equal(AuditActions.Nudged, first.Transition.Event!.Action);
        Assert.Equal(requester, first.Transition.Event.Actor);

        var nudged = first.Transition.Next;
        var tooSoon = Transitions.Nudge(nudged, requester, T0 + TimeSpan.FromMinutes(10));
        Assert.Equal(RefusalReason.NudgeTooSoon, tooSoon.Refusal!.Reason);
        Assert.Equal(T0 + TimeSpan.FromMinutes(11), tooSoon.Refusal.Facts.At);
        Assert.True(Transitions.Nudge(nudged, requester, T0 + TimeSpan.FromMinutes(11)).IsAllowed);
    }

    [Fact]
    public void Nudge_NotTheRequesterOrRemindersOff_Refused()
    {
        Assert.Equal(RefusalReason.NotRequester, Transitions.Nudge(Pending(), "U0OTHER", T0).Refusal!.Reason);
        var off = Pending() with { Reminders = ReminderState.None };
        Assert.Equal(RefusalReason.NudgesOff, Transitions.Nudge(off, off.Requester.UserId, T0).Refusal!.Reason);
    }

    [Fact]
    public void Escalate_Due_ClaimsAndRetriesOnlyAfterTheLease()
    {
        var request = Pending(max: 0, escalateAt: T0 + TimeSpan.FromMinutes(20));
        Assert.Equal(RefusalReason.NotDue, Transitions.Escalate(request, T0 + TimeSpan.FromMinutes(19)).Refusal!.Reason);

        var claimed = Transitions.Escalate(request, T0 + TimeSpan.FromMinutes(20)).Transition!.Next;
        Assert.True(claimed.Reminders.Escalated);
        Assert.Equal(T0 + TimeSpan.FromMinutes(20) + Reminders.EscalationLease, claimed.DueAt);
        Assert.Equal(RefusalReason.NotDue, Transitions.Escalate(claimed, T0 + TimeSpan.FromMinutes(21)).Refusal!.Reason);
        Assert.True(Transitions.Escalate(claimed, T0 + TimeSpan.FromMinutes(20) + Reminders.EscalationLease).IsAllowed);

        var posted = Transitions.EscalationPosted(claimed, "C0ESCALATE", "2.2", T0 + TimeSpan.FromMinutes(21)).Next;
        Assert.Equal(posted.Deadline, posted.DueAt);
        Assert.Null(Reminders.EscalationDueAt(posted));
    }

    [Fact]
    public void Undecided_NamesWhoHasNotApprovedAndEscalationApproversOnceEscalated()
    {
        var resource = new ResourceOptions
        {
            Name = "analytics",
            Approvers = ["U0APPROVER1", "U0APPROVER2", "S0GROUP"],
            EscalationApprovers = ["U0ONCALL"],
            EscalateAfter = TimeSpan.FromMinutes(20),
        };
        var request = Transitions.Approve(
            Pending() with { RequiredApprovals = 2 }, "U0APPROVER1", T0).Transition!.Next;

        Assert.Equal(["U0APPROVER2", "S0GROUP"], Reminders.Undecided(resource, request));
        var escalated = request with { Reminders = request.Reminders with { EscalatedAt = T0 } };
        Assert.Equal(["U0APPROVER2", "S0GROUP", "U0ONCALL"], Reminders.Undecided(resource, escalated));
    }

    [Fact]
    public void CanApprove_EscalationApprover_OnlyOnceEscalated()
    {
        var resource = new ResourceOptions { Name = "analytics", Approvers = ["U0APPROVER1"], EscalationApprovers = ["U0ONCALL"] };
        var request = Pending();
        var none = new HashSet<string>();

        Assert.Equal(RefusalReason.NotAnApprover, AccessPolicy.CanApprove(resource, request, "U0ONCALL", none).Refusal!.Reason);
        var escalated = request with { Reminders = request.Reminders with { EscalatedAt = T0 } };
        Assert.True(AccessPolicy.CanApprove(resource, escalated, "U0ONCALL", none).IsAllowed);
    }
}
