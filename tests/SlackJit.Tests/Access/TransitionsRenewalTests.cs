using SlackJit.Access;
using static SlackJit.Tests.Access.AccessRequestBuilder;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

public sealed class TransitionsRenewalTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Now = ApprovedAt + TimeSpan.FromMinutes(50);

    [Fact]
    public void ClaimRenewal_RequesterWhileActive_RecordsAClaimWithoutChangingStatus()
    {
        var active = In(RequestStatus.Active).Build();

        var decision = Transitions.ClaimRenewal(active, RequesterId, Now, Lease);

        var next = decision.Transition!.Next;
        Assert.Equal(RequestStatus.Active, next.Status);
        Assert.Equal(active.Version + 1, next.Version);
        Assert.Equal(AuditActions.RenewStarted, next.Events[^1].Action);
        Assert.Equal(RequesterId, next.Events[^1].Actor);
        Assert.Equal(active.Grant, next.Grant);
    }

    [Fact]
    public void ClaimRenewal_SomeoneElse_RefusesAsNotRequester()
    {
        var decision = Transitions.ClaimRenewal(In(RequestStatus.Active).Build(), ApproverId, Now, Lease);

        Assert.Equal(RefusalReason.NotRequester, decision.Refusal!.Reason);
    }

    [Theory]
    [InlineData(RequestStatus.Issuing)]
    [InlineData(RequestStatus.Expired)]
    [InlineData(RequestStatus.Ended)]
    public void ClaimRenewal_NotActive_RefusesAsWrongStatus(RequestStatus status)
    {
        var decision = Transitions.ClaimRenewal(In(status).Build(), RequesterId, Now, Lease);

        Assert.Equal(RefusalReason.WrongStatus, decision.Refusal!.Reason);
    }

    [Fact]
    public void ClaimRenewal_AfterTheWindow_RefusesAsWindowClosed()
    {
        var decision = Transitions.ClaimRenewal(In(RequestStatus.Active).Build(), RequesterId, WindowEnd, Lease);

        Assert.Equal(RefusalReason.WindowClosed, decision.Refusal!.Reason);
    }

    [Fact]
    public void ClaimRenewal_LessThanFifteenMinutesLeft_RefusesAndSaysWhy()
    {
        var decision = Transitions.ClaimRenewal(In(RequestStatus.Active).Build(), RequesterId, WindowEnd - TimeSpan.FromMinutes(14), Lease);

        Assert.Equal(RefusalReason.WindowClosed, decision.Refusal!.Reason);
        Assert.Contains("15 minutes", decision.Refusal.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClaimRenewal_ClaimStillHeld_RefusesAsLeaseHeld()
    {
        var claimed = Transitions.ClaimRenewal(In(RequestStatus.Active).Build(), RequesterId, Now, Lease).Transition!.Next;

        var decision = Transitions.ClaimRenewal(claimed, RequesterId, Now + Lease - TimeSpan.FromSeconds(1), Lease);

        Assert.Equal(RefusalReason.LeaseHeld, decision.Refusal!.Reason);
    }

    [Fact]
    public void ClaimRenewal_ClaimLeaseRanOut_AllowsANewClaim()
    {
        var claimed = Transitions.ClaimRenewal(In(RequestStatus.Active).Build(), RequesterId, Now, Lease).Transition!.Next;

        var decision = Transitions.ClaimRenewal(claimed, RequesterId, Now + Lease, Lease);

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void ClaimRenewal_AfterAFailedRenewal_AllowsANewClaimAtOnce()
    {
        var claimed = Transitions.ClaimRenewal(In(RequestStatus.Active).Build(), RequesterId, Now, Lease).Transition!.Next;
        var failed = Transitions.RecordAttempt(claimed, AuditEvent.SystemActor, AuditActions.RenewFailed, "Throttling", Now).Next;

        var decision = Transitions.ClaimRenewal(failed, RequesterId, Now + TimeSpan.FromSeconds(1), Lease);

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void Reschedule_Any_ChangesOnlyDueAtAndAppendsNoEvent()
    {
        var active = In(RequestStatus.Active).Build();

        var transition = Transitions.Reschedule(active, WindowEnd, Now);
        var next = transition.Next;

        Assert.Equal(active with { DueAt = WindowEnd, Version = active.Version + 1 }, next);
        Assert.Null(transition.Event);
        Assert.Equal(active.Events, next.Events);
        Assert.Null(Transitions.Reschedule(active, null, Now).Next.DueAt);
    }
}
