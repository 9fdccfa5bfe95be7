using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class TransitionsCardsTests
{
    private static readonly DateTimeOffset Now = AccessRequestBuilder.T0 + TimeSpan.FromSeconds(2);

    [Fact]
    public void CardPosted_Pending_RecordsRefsAndDueAtDeadline()
    {
        var request = AccessRequestBuilder.Pending().Build() with { DueAt = AccessRequestBuilder.T0 + TimeSpan.FromMinutes(1) };

        var transition = Transitions.CardPosted(request, "C0APPROVERS", "1700000001.000001", Now);

        Assert.Equal(new SlackRefs("C0APPROVERS", "1700000001.000001"), transition.Next.Slack);
        Assert.Equal(request.Deadline, transition.Next.DueAt);
        Assert.Equal(RequestStatus.Pending, transition.Next.Status);
        Assert.Equal(request.Version + 1, transition.Next.Version);
        Assert.Equal(AuditActions.SlackRefs, transition.Event!.Action);
        Assert.Same(transition.Event, transition.Next.Events[^1]);
    }

    [Fact]
    public void CardPosted_AlreadyCancelled_RecordsRefsKeepsDueAt()
    {
        var request = AccessRequestBuilder.In(RequestStatus.Cancelled).Build();

        var transition = Transitions.CardPosted(request, "C0APPROVERS", "1.2", Now);

        Assert.Equal("1.2", transition.Next.Slack.CardTs);
        Assert.Null(transition.Next.DueAt);
        Assert.Equal(RequestStatus.Cancelled, transition.Next.Status);
    }

    [Fact]
    public void CardNotPosted_Pending_DueAgainAtRetryAndAudited()
    {
        var request = AccessRequestBuilder.Pending().Build();

        var decision = Transitions.CardNotPosted(request, "not_in_channel", Now + TimeSpan.FromMinutes(5), Now);

        Assert.True(decision.IsAllowed);
        Assert.Equal(Now + TimeSpan.FromMinutes(5), decision.Transition.Next.DueAt);
        Assert.Equal(AuditActions.CardFailed, decision.Transition.Event!.Action);
        Assert.Equal("not_in_channel", decision.Transition.Event.Detail);
    }

    [Fact]
    public void CardNotPosted_RetryPastDeadline_DueAtDeadline()
    {
        var request = AccessRequestBuilder.Pending().Build();

        var decision = Transitions.CardNotPosted(request, "channel_not_found", request.Deadline + TimeSpan.FromMinutes(5), Now);

        Assert.Equal(request.Deadline, decision.Transition!.Next.DueAt);
    }

    [Fact]
    public void CardNotPosted_NotPending_Refused()
    {
        var decision = Transitions.CardNotPosted(AccessRequestBuilder.In(RequestStatus.Denied).Build(), "channel_not_found", Now, Now);

        Assert.Equal(RefusalReason.WrongStatus, decision.Refusal?.Reason);
    }
}
