using SlackJit.Access;
using SlackJit.Slack.Messaging;
using static SlackJit.Tests.Access.AccessRequestBuilder;

namespace SlackJit.Tests.Access;

/// <summary>
/// Break-glass in the state machine, for every status: only a Pending request breaks the glass (to Approved); the
/// review's steps (acknowledge, remind, escalate, overdue) keep the status whatever it is, and every transition keeps
/// the open review's next step in the due time.
/// </summary>
public sealed class TransitionsBreakGlassTests
{
    private static readonly TimeSpan ReviewWithin = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset IssuedAt = ApprovedAt;
    private static readonly DateTimeOffset ReviewBy = IssuedAt + ReviewWithin;
    private static readonly ReminderState Plan = new(TimeSpan.FromMinutes(15), 3, EscalateAt: T0 + TimeSpan.FromMinutes(40));

    public static TheoryData<RequestStatus> AllStatuses() => [.. Enum.GetValues<RequestStatus>()];

    public static TheoryData<RequestStatus> AfterBreakingTheGlass() => [.. Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Pending)];

    /// <summary>
    /// A break-glass grant in <paramref name="status"/>: issued without approvals, its card posted, its review open; due
    /// at the earlier of what its status has due and the review's next step, as the transitions keep it.
    /// </summary>
    private static AccessRequest BreakGlassIn(RequestStatus status)
    {
        var built = In(status).Build();
        var request = built with
        {
            Approvals = [],
            DecidedBy = RequesterId,
            BreakGlass = new BreakGlassReview(IssuedAt, ReviewBy),
            Reminders = Plan,
            Slack = new SlackRefs("C0APPROVALS", "1700000000.000100"),
        };
        var review = BreakGlassReviews.NextDue(request)!.Value;
        return request with { StatusDueAt = built.DueAt, DueAt = built.DueAt is { } due && due < review ? due : review };
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void BreakGlass_EveryStatus_OnlyPendingIsIssuedWithoutApproval(RequestStatus status)
    {
        var request = In(status).Build();
        var now = T0 + TimeSpan.FromMinutes(1);

        var decision = Transitions.BreakGlass(request, ReviewWithin, now);

        if (status != RequestStatus.Pending)
        {
            Assert.Equal(RefusalReason.WrongStatus, decision.Refusal?.Reason);
            Assert.Contains(request.ShortId, decision.Refusal!.Text(), StringComparison.Ordinal);
            return;
        }
        var next = decision.Transition!.Next;
        Assert.Equal(RequestStatus.Approved, next.Status);
        Assert.Empty(next.Approvals);
        Assert.Equal(RequesterId, next.DecidedBy);
        Assert.Equal(request.RequestedDuration, next.ApprovedDuration);
        Assert.Equal(new BreakGlassReview(now, now + ReviewWithin), next.BreakGlass);
        // Issuance is due at once; the grant's window starts when the glass was broken.
        Assert.Equal(now, next.DueAt);
        Assert.Equal(now + request.RequestedDuration, AccessRequests.WindowEnd(next));
        var ev = next.Events[^1];
        Assert.Equal((RequesterId, AuditActions.BreakGlass, RequestStatus.Pending, RequestStatus.Approved, request.Reason), (ev.Actor, ev.Action, ev.From, ev.To, ev.Detail));
        Assert.Equal(request.Version + 1, next.Version);
    }

    [Fact]
    public void BreakGlass_AlreadyBrokenRequestStoredPending_Refused()
    {
        var request = Pending().Build() with { BreakGlass = new BreakGlassReview(T0, ReviewBy) };

        Assert.Equal(RefusalReason.WrongStatus, Transitions.BreakGlass(request, ReviewWithin, T0).Refusal?.Reason);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(60 * 24, false)]
    public void BreakGlass_EscalationPlan_KeptOnlyBeforeTheReviewDeadline(int escalateAfterMinutes, bool kept)
    {
        var request = Pending().Build() with { Reminders = Plan with { EscalateAt = T0 + TimeSpan.FromMinutes(escalateAfterMinutes) } };

        var next = Transitions.BreakGlass(request, ReviewWithin, T0).Transition!.Next;

        Assert.Equal(kept, next.Reminders.EscalateAt is not null);
    }

    [Theory]
    [MemberData(nameof(AfterBreakingTheGlass))]
    public void Acknowledge_EveryStatusOfABreakGlassGrant_RecordsWhoAndWhenAndKeepsTheStatus(RequestStatus status)
    {
        var request = BreakGlassIn(status);
        var now = T0 + TimeSpan.FromHours(3);

        var next = Transitions.AcknowledgeBreakGlass(request, ApproverId, now).Transition!.Next;

        Assert.Equal(status, next.Status);
        Assert.Equal((ApproverId, now), (next.BreakGlass!.AcknowledgedBy, next.BreakGlass.AcknowledgedAt));
        Assert.False(next.BreakGlass.IsOpen);
        var ev = next.Events[^1];
        Assert.Equal((ApproverId, AuditActions.BreakGlassAcknowledged, status, status, (string?)null), (ev.Actor, ev.Action, ev.From, ev.To, ev.Detail));
        // Nothing of the review is due any more: the due time is what the status had.
        Assert.Equal(request.StatusDueAt, next.DueAt);
        Assert.Null(next.StatusDueAt);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Acknowledge_EveryStatusOfAnApprovedRequest_RefusedAsNotBreakGlass(RequestStatus status)
    {
        var decision = Transitions.AcknowledgeBreakGlass(In(status).Build(), ApproverId, T0 + TimeSpan.FromHours(1));

        Assert.Equal(RefusalReason.NotBreakGlass, decision.Refusal?.Reason);
    }

    [Fact]
    public void Acknowledge_ByTheRequester_Refused()
    {
        var decision = Transitions.AcknowledgeBreakGlass(BreakGlassIn(RequestStatus.Active), RequesterId, T0 + TimeSpan.FromHours(1));

        Assert.Equal(RefusalReason.SelfAcknowledgement, decision.Refusal?.Reason);
    }

    [Fact]
    public void Acknowledge_Twice_RefusedNamingTheFirst()
    {
        var first = Transitions.AcknowledgeBreakGlass(BreakGlassIn(RequestStatus.Active), ApproverId, T0 + TimeSpan.FromHours(1)).Transition!.Next;

        var second = Transitions.AcknowledgeBreakGlass(first, "U0SECOND", T0 + TimeSpan.FromHours(2));

        Assert.Equal(RefusalReason.AlreadyAcknowledged, second.Refusal?.Reason);
        Assert.Contains($"<@{ApproverId}>", second.Refusal!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledge_AfterTheReviewDeadline_AllowedAndMarkedLate()
    {
        var overdue = Transitions.BreakGlassOverdue(BreakGlassIn(RequestStatus.Expired), ReviewBy).Transition!.Next;

        var next = Transitions.AcknowledgeBreakGlass(overdue, ApproverId, ReviewBy + TimeSpan.FromHours(1)).Transition!.Next;

        Assert.Equal(ApproverId, next.BreakGlass!.AcknowledgedBy);
        Assert.StartsWith("late", next.Events[^1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AfterBreakingTheGlass))]
    public void Overdue_EveryStatusAtTheDeadline_MarkedOnceAndNothingMoreDue(RequestStatus status)
    {
        var request = BreakGlassIn(status);

        Assert.Equal(RefusalReason.NotDue, Transitions.BreakGlassOverdue(request, ReviewBy - TimeSpan.FromSeconds(1)).Refusal?.Reason);
        var next = Transitions.BreakGlassOverdue(request, ReviewBy).Transition!.Next;

        Assert.Equal(status, next.Status);
        Assert.Equal(ReviewBy, next.BreakGlass!.OverdueAt);
        Assert.Equal((AuditEvent.SystemActor, AuditActions.BreakGlassOverdue), (next.Events[^1].Actor, next.Events[^1].Action));
        Assert.Null(BreakGlassReviews.NextDue(next));
        Assert.Equal(RefusalReason.ReviewClosed, Transitions.BreakGlassOverdue(next, ReviewBy + TimeSpan.FromHours(1)).Refusal?.Reason);
        Assert.Equal(RefusalReason.ReviewClosed, Transitions.Remind(next, ReviewBy + TimeSpan.FromHours(1)).Refusal?.Reason);
    }

    [Theory]
    [MemberData(nameof(AfterBreakingTheGlass))]
    public void Remind_OpenReviewInEveryStatus_CountsTheReminderAndKeepsTheStatus(RequestStatus status)
    {
        var request = BreakGlassIn(status);
        var now = T0 + TimeSpan.FromMinutes(15);

        var next = Transitions.Remind(request, now).Transition!.Next;

        Assert.Equal(status, next.Status);
        Assert.Equal((1, now), (next.Reminders.Sent, next.Reminders.LastReminderAt));
        Assert.Equal(AuditActions.Reminded, next.Events[^1].Action);
        // The next reminder (15 min on) joins whatever the status had due, the earlier of the two; the status's own is kept.
        var nextReminder = now + TimeSpan.FromMinutes(15);
        Assert.Equal(request.StatusDueAt is { } due && due < nextReminder ? due : nextReminder, next.DueAt);
        Assert.Equal(request.StatusDueAt, next.StatusDueAt);
    }

    [Fact]
    public void Remind_AcknowledgedReview_Refused()
    {
        var acknowledged = Transitions.AcknowledgeBreakGlass(BreakGlassIn(RequestStatus.Active), ApproverId, T0 + TimeSpan.FromMinutes(10)).Transition!.Next;

        Assert.Equal(RefusalReason.ReviewClosed, Transitions.Remind(acknowledged, T0 + TimeSpan.FromMinutes(15)).Refusal?.Reason);
        Assert.Equal(RefusalReason.ReviewClosed, Transitions.Escalate(acknowledged, T0 + TimeSpan.FromMinutes(45)).Refusal?.Reason);
    }

    [Fact]
    public void Escalate_OpenReviewOfAnExpiredGrant_EscalationApproversMayAcknowledgeFromNow()
    {
        var now = T0 + TimeSpan.FromMinutes(40);

        var next = Transitions.Escalate(BreakGlassIn(RequestStatus.Expired), now).Transition!.Next;

        Assert.Equal(RequestStatus.Expired, next.Status);
        Assert.Equal(now, next.Reminders.EscalatedAt);
        Assert.Contains("U0ONCALL", AccessPolicy.DecidersOf(new ResourceOptions { Approvers = ["U0A"], EscalationApprovers = ["U0ONCALL"] }, next));
    }

    [Fact]
    public void Activate_OpenReview_TheReviewsNextStepStaysDueBeforeTheWindowEnd()
    {
        var issuing = BreakGlassIn(RequestStatus.Issuing);

        var active = Transitions.Activate(issuing, Grant(), LeaseEnd).Transition!.Next;

        // The first reminder (15 min after the request) comes before the window's end.
        Assert.Equal(T0 + TimeSpan.FromMinutes(15), active.DueAt);
    }

    [Fact]
    public void Expire_OpenReview_StaysDueForTheReview()
    {
        var active = BreakGlassIn(RequestStatus.Active) with { Reminders = Plan with { Sent = 3, EscalateAt = null } };

        var expired = Transitions.Expire(active, WindowEnd + TimeSpan.FromMinutes(1)).Transition!.Next;

        Assert.Equal(RequestStatus.Expired, expired.Status);
        Assert.Equal(ReviewBy, expired.DueAt);
    }

    [Fact]
    public void Expire_AcknowledgedReview_NothingDue()
    {
        var acknowledged = BreakGlassIn(RequestStatus.Active) with { BreakGlass = new BreakGlassReview(IssuedAt, ReviewBy, ApproverId, IssuedAt) };

        var expired = Transitions.Expire(acknowledged, WindowEnd + TimeSpan.FromMinutes(1)).Transition!.Next;

        Assert.Null(expired.DueAt);
    }

    [Fact]
    public void Reschedule_ToNeverWithAnOpenReview_DueAtTheReviewsNextStep()
    {
        var expired = BreakGlassIn(RequestStatus.Expired);

        Assert.Equal(T0 + TimeSpan.FromMinutes(15), Transitions.Reschedule(expired, null, T0).Next.DueAt);
    }

    [Fact]
    public void NextDue_CardMissing_ShortlyAfterTheRequestWhateverElseIsPlanned()
    {
        var request = BreakGlassIn(RequestStatus.Active) with { Slack = SlackRefs.None };

        Assert.Equal(T0 + AccessRequests.CardGrace, BreakGlassReviews.NextDue(request));
    }

    [Fact]
    public void Remind_DueOnlyForTheReview_DueTimeMovesToTheNextStepNotKeptInThePast()
    {
        // An expired grant (nothing due for its status) whose first reminder is due at 09:15.
        var expired = BreakGlassIn(RequestStatus.Expired);
        Assert.Equal((T0 + TimeSpan.FromMinutes(15), (DateTimeOffset?)null), (expired.DueAt, expired.StatusDueAt));

        var next = Transitions.Remind(expired, T0 + TimeSpan.FromMinutes(15)).Transition!.Next;

        Assert.Equal(T0 + TimeSpan.FromMinutes(30), next.DueAt);
        Assert.Null(next.StatusDueAt);
    }

    [Theory]
    [MemberData(nameof(AfterBreakingTheGlass))]
    public void CardNotPosted_BreakGlassGrantInEveryStatus_OneEventThenQuietRetriesAndTheGrantUntouched(RequestStatus status)
    {
        var request = BreakGlassIn(status) with { Slack = SlackRefs.None };
        request = request with { DueAt = BreakGlassReviews.WithDue(request, request).DueAt };
        var now = T0 + TimeSpan.FromMinutes(1);
        var retryAt = now + TimeSpan.FromMinutes(5);

        var first = Transitions.CardNotPosted(request, "channel_not_found", retryAt, now).Transition!;
        var second = Transitions.CardNotPosted(first.Next, "channel_not_found", retryAt + TimeSpan.FromMinutes(5), retryAt).Transition!;

        Assert.Equal((AuditActions.CardFailed, "channel_not_found", status, status), (first.Event!.Action, first.Event.Detail, first.Event.From, first.Event.To));
        Assert.Null(second.Event);
        Assert.Equal(request.Events.Count + 1, second.Next.Events.Count);
        Assert.Equal(retryAt + TimeSpan.FromMinutes(5), second.Next.BreakGlass!.CardRetryAt);
        Assert.Equal(retryAt + TimeSpan.FromMinutes(5), BreakGlassReviews.NextDue(second.Next));
        // The grant's own schedule is the status's, whatever the card does.
        Assert.Equal((status, request.StatusDueAt, request.Grant), (second.Next.Status, second.Next.StatusDueAt, second.Next.Grant));
        var statusDue = request.StatusDueAt;
        Assert.Equal(statusDue is { } due && due < retryAt + TimeSpan.FromMinutes(5) ? due : retryAt + TimeSpan.FromMinutes(5), second.Next.DueAt);
    }

    [Fact]
    public void CardNotPosted_AcknowledgedOrCardPosted_Refused()
    {
        var acknowledged = BreakGlassIn(RequestStatus.Active) with
        {
            Slack = SlackRefs.None,
            BreakGlass = new BreakGlassReview(IssuedAt, ReviewBy, ApproverId, IssuedAt),
        };

        Assert.Equal(RefusalReason.WrongStatus, Transitions.CardNotPosted(acknowledged, "channel_not_found", T0 + TimeSpan.FromMinutes(5), T0).Refusal?.Reason);
        Assert.Equal(RefusalReason.WrongStatus, Transitions.CardNotPosted(BreakGlassIn(RequestStatus.Active), "channel_not_found", T0 + TimeSpan.FromMinutes(5), T0).Refusal?.Reason);
    }

    [Fact]
    public void NextDue_CardMissing_TheDeadlineComesAndAfterItTheCardIsStillTried()
    {
        var cardless = BreakGlassIn(RequestStatus.Expired) with
        {
            Slack = SlackRefs.None,
            BreakGlass = new BreakGlassReview(IssuedAt, ReviewBy, CardRetryAt: ReviewBy + TimeSpan.FromMinutes(3)),
        };

        Assert.Equal(ReviewBy, BreakGlassReviews.NextDue(cardless));
        var overdue = Transitions.BreakGlassOverdue(cardless, ReviewBy).Transition!.Next;
        Assert.Equal(ReviewBy + TimeSpan.FromMinutes(3), BreakGlassReviews.NextDue(overdue));
        Assert.Equal(ReviewBy + TimeSpan.FromMinutes(3), overdue.DueAt);
        Assert.Null(BreakGlassReviews.NextDue(overdue with { Slack = new SlackRefs("C0APPROVALS", "1700000000.000100") }));
    }

    [Fact]
    public void Expire_DmCleanupFailingWithAnOpenReview_TheRetryIsTheStatusesDueTimeBesideTheReviewsStep()
    {
        var active = BreakGlassIn(RequestStatus.Active);
        var now = WindowEnd + TimeSpan.FromMinutes(1);
        var retryAt = now + TimeSpan.FromMinutes(1);

        var expired = Transitions.WithDmCleanup(Transitions.Expire(active, now).Transition!, DmCleanupState.Failing, "chat.update: fatal_error", retryAt, now).Next;

        Assert.Equal(RequestStatus.Expired, expired.Status);
        Assert.Equal(retryAt, expired.StatusDueAt);
        Assert.Equal(retryAt, AccessRequests.StatusDueAt(expired));
        var review = BreakGlassReviews.NextDue(expired)!.Value;
        Assert.Equal(retryAt < review ? retryAt : review, expired.DueAt);
    }

    [Fact]
    public void ClaimIssuance_LeaseHeldWhileTheReviewsStepIsDue_Refused()
    {
        // Issuing, its lease running to LeaseEnd; the card's grace (a minute after the request) came first.
        var issuing = BreakGlassIn(RequestStatus.Issuing) with { Slack = SlackRefs.None };
        issuing = BreakGlassReviews.WithStatusDue(issuing, LeaseEnd + TimeSpan.FromHours(1));
        var now = T0 + TimeSpan.FromMinutes(2);
        Assert.True(issuing.DueAt <= now);

        Assert.Equal(RefusalReason.LeaseHeld, Transitions.ClaimIssuance(issuing, now, TimeSpan.FromSeconds(20)).Refusal?.Reason);
        Assert.True(Transitions.ClaimIssuance(issuing, LeaseEnd + TimeSpan.FromHours(1), TimeSpan.FromSeconds(20)).IsAllowed);
    }

    [Fact]
    public void Reviewers_NeverTheRequesterAndEscalationApproversOnceEscalated()
    {
        var resource = new ResourceOptions { Approvers = ["U0A", RequesterId, "S0G"], EscalationApprovers = ["U0ONCALL"] };
        var request = BreakGlassIn(RequestStatus.Active);

        Assert.Equal(["U0A", "S0G"], BreakGlassReviews.Reviewers(resource, request));
        Assert.Equal(["U0A", "S0G", "U0ONCALL"], BreakGlassReviews.Reviewers(resource, request with { Reminders = Plan with { EscalatedAt = T0 } }));
    }
}
