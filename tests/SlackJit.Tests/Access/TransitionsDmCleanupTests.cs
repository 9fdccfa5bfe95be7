using SlackJit.Access;
using static SlackJit.Tests.Access.AccessRequestBuilder;

namespace SlackJit.Tests.Access;

public sealed class TransitionsDmCleanupTests
{
    private static readonly DateTimeOffset Now = ApprovedAt + TimeSpan.FromHours(3);

    [Fact]
    public void DmCleanupFailed_ThousandTimes_OneAuditEventAndACounter()
    {
        var request = In(RequestStatus.Active).Build();
        var events = request.Events.Count;

        for (var i = 0; i < 1_000; i++)
        {
            request = Transitions.DmCleanupFailed(request, $"chat.update: error_{i}", Now.AddMinutes(i + 1), Now.AddMinutes(i)).Next;
        }

        Assert.Equal(events + 1, request.Events.Count);
        Assert.Equal((AuditActions.DmCleanupFailed, "chat.update: error_0"), (request.Events[^1].Action, request.Events[^1].Detail));
        Assert.Equal(new DmCleanup(DmCleanupState.Failing, 1_000, "chat.update: error_999", Now.AddMinutes(999)), request.DmCleanup);
        Assert.Equal(Now.AddMinutes(1_000), request.DueAt);
        Assert.Equal(RequestStatus.Active, request.Status);
    }

    [Fact]
    public void DmCleanupFailed_NoRetryTime_KeepsTheDueTime()
    {
        var ended = In(RequestStatus.Ended).Build() with { DueAt = Now.AddMinutes(5) };

        var next = Transitions.DmCleanupFailed(ended, "chat.delete: cant_delete_message", null, Now).Next;

        Assert.Equal(Now.AddMinutes(5), next.DueAt);
    }

    [Fact]
    public void WithDmCleanup_FailedClose_CountsTheFailureOnTheClosedRecord()
    {
        var active = In(RequestStatus.Active).Build();
        var transition = Transitions.End(active, active.Requester.UserId, Now).Transition!;

        var amended = Transitions.WithDmCleanup(transition, DmCleanupState.Failing, "chat.update: is_archived, chat.delete: cant_delete_message", Now.AddMinutes(1), Now);

        Assert.Equal(RequestStatus.Ended, amended.Next.Status);
        Assert.Equal(transition.Next.Events.Count, amended.Next.Events.Count);
        Assert.Equal("DM clean-up failing: chat.update: is_archived, chat.delete: cant_delete_message", amended.Next.Events[^1].Detail);
        Assert.Equal(amended.Event, amended.Next.Events[^1]);
        Assert.Equal(new DmCleanup(DmCleanupState.Failing, 1, "chat.update: is_archived, chat.delete: cant_delete_message", Now), amended.Next.DmCleanup);
        Assert.Equal("cant_delete_message", amended.Next.DmCleanup!.LastCode);
        // Its credentials had expired: no revocation owns the due time, so the clean-up's back-off does.
        Assert.Equal(Now.AddMinutes(1), amended.Next.DueAt);
    }

    [Fact]
    public void WithDmCleanup_FailedExpiryOfABreakGlassGrant_RetriesTheDmBeforeTheReviewsLaterStep()
    {
        // The review's next step (its deadline) is hours away; the DM clean-up's back-off must not wait for it.
        var reviewBy = Now + TimeSpan.FromHours(20);
        var active = In(RequestStatus.Active).Build() with
        {
            BreakGlass = new BreakGlassReview(ApprovedAt, reviewBy),
            Slack = new SlackRefs("C0APPROVALS", "1700000000.000100"),
        };
        var expiry = Transitions.Expire(active, Now).Transition!;
        Assert.Equal(reviewBy, expiry.Next.DueAt);

        var failed = Transitions.WithDmCleanup(expiry, DmCleanupState.Failing, "chat.update: fatal_error", Now.AddMinutes(1), Now);
        var cleaned = Transitions.WithDmCleanup(expiry, DmCleanupState.Edited, null, Now.AddMinutes(1), Now);

        Assert.Equal((RequestStatus.Expired, Now.AddMinutes(1)), (failed.Next.Status, failed.Next.DueAt));
        Assert.Equal(reviewBy, cleaned.Next.DueAt);
    }

    [Fact]
    public void DmCleaned_AfterFailures_KeepsTheCountAndAddsOneEvent()
    {
        var expired = Transitions.DmCleanupFailed(In(RequestStatus.Expired).Build(), "chat.update: fatal_error", Now.AddMinutes(1), Now).Next;

        var cleaned = Transitions.DmCleaned(expired, DmCleanupState.Deleted, Now.AddMinutes(1)).Transition!.Next;

        Assert.Equal(new DmCleanup(DmCleanupState.Deleted, 1, "chat.update: fatal_error", Now.AddMinutes(1)), cleaned.DmCleanup);
        Assert.Null(cleaned.DueAt);
        Assert.Equal(AuditActions.DmCleaned, cleaned.Events[^1].Action);
    }

    [Fact]
    public void DmCleaned_NothingFailing_IsRefused()
    {
        Assert.False(Transitions.DmCleaned(In(RequestStatus.Expired).Build(), DmCleanupState.Edited, Now).IsAllowed);
    }
}
