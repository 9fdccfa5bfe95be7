using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary>Asking for more time on a live grant, and its decisions (pure).</summary>
public sealed class TransitionsExtensionTests
{
    private static readonly TimeSpan Max = TimeSpan.FromHours(4);
    private static readonly DateTimeOffset Now = AccessRequestBuilder.ApprovedAt + TimeSpan.FromMinutes(30);

    private static AccessRequest Active() => AccessRequestBuilder.In(RequestStatus.Active).Build();

    private static AccessRequest Asked(AccessRequest? request = null)
    {
        var active = request ?? Active();
        return Transitions.AskExtension(active, active.Requester.UserId, TimeSpan.FromHours(3), "slow backfill", Max, Now).Transition!.Next;
    }

    [Fact]
    public void AskExtension_ByRequesterWithinMax_OpensItAndAudits()
    {
        var active = Active();

        var decision = Transitions.AskExtension(active, active.Requester.UserId, TimeSpan.FromHours(3), " slow backfill ", Max, Now);

        Assert.True(decision.IsAllowed);
        var extension = decision.Transition.Next.Extension!;
        Assert.True(extension.IsOpen);
        Assert.Equal(TimeSpan.FromHours(3), extension.NewTotal);
        Assert.Equal(active.ApprovedDuration, extension.From);
        Assert.Equal("slow backfill", extension.Reason);
        Assert.Equal(active.Grant, decision.Transition.Next.Grant);
        Assert.Equal(AuditActions.ExtensionRequested, decision.Transition.Event!.Action);
    }

    [Theory]
    [InlineData("U0SOMEONE", 3, "why", RefusalReason.NotRequester)]
    [InlineData(null, 5, "why", RefusalReason.DurationTooLong)]
    [InlineData(null, 2, "why", RefusalReason.DurationTooShort)]
    [InlineData(null, 3, " ", RefusalReason.ReasonRequired)]
    public void AskExtension_Invalid_Refused(string? who, int hours, string reason, RefusalReason expected)
    {
        var active = Active();

        var decision = Transitions.AskExtension(active, who ?? active.Requester.UserId, TimeSpan.FromHours(hours), reason, Max, Now);

        Assert.Equal(expected, decision.Refusal!.Reason);
    }

    [Fact]
    public void AskExtension_OneAlreadyOpenOrNotActive_Refused()
    {
        var asked = Asked();
        Assert.Equal(RefusalReason.ExtensionPending,
            Transitions.AskExtension(asked, asked.Requester.UserId, TimeSpan.FromHours(4), "more", Max, Now).Refusal!.Reason);
        var pending = AccessRequestBuilder.Pending().Build();
        Assert.Equal(RefusalReason.WrongStatus,
            Transitions.AskExtension(pending, pending.Requester.UserId, TimeSpan.FromHours(4), "more", Max, Now).Refusal!.Reason);
    }

    [Fact]
    public void ApproveExtension_LastNeededApproval_MovesTheApprovedDurationAndMakesCredentialsDue()
    {
        var asked = Asked();

        var approved = Transitions.ApproveExtension(asked, "U0APPROVER2", Now).Transition!.Next;

        Assert.Equal(TimeSpan.FromHours(3), approved.ApprovedDuration);
        Assert.Equal(AuditActions.ExtensionApproved, approved.Extension!.Decision);
        Assert.Equal(Now, approved.DueAt);
        Assert.True(Transitions.NeedsExtendedCredentials(approved));

        var grant = approved.Grant! with { AccessKeyId = "ASIANEW" };
        var extended = Transitions.Extend(approved, grant, Now).Transition!.Next;
        Assert.Equal(AccessRequestBuilder.ApprovedAt + TimeSpan.FromHours(3), extended.Grant!.WindowEnd);
        Assert.Equal(extended.Grant.WindowEnd, extended.DueAt);
        Assert.False(Transitions.NeedsExtendedCredentials(extended));
        Assert.Equal(RefusalReason.NotDue, Transitions.Extend(extended, grant, Now).Refusal!.Reason);
    }

    [Fact]
    public void ApproveExtension_TwoNeeded_RecordsOneAndCountsAnApproverOnce()
    {
        var asked = Asked() with { RequiredApprovals = 2 };

        var once = Transitions.ApproveExtension(asked, "U0APPROVER1", Now).Transition!.Next;

        Assert.True(once.Extension!.IsOpen);
        Assert.Equal(asked.ApprovedDuration, once.ApprovedDuration);
        Assert.Equal(RefusalReason.DuplicateApproval, Transitions.ApproveExtension(once, "U0APPROVER1", Now).Refusal!.Reason);
        Assert.False(Transitions.ApproveExtension(once, "U0APPROVER2", Now).Transition!.Next.Extension!.IsOpen);
    }

    [Fact]
    public void DenyExtension_LeavesTheGrantAndRefusesLaterDecisions()
    {
        var asked = Asked();

        var denied = Transitions.DenyExtension(asked, "U0APPROVER1", Now).Transition!.Next;

        Assert.Equal(asked.Grant, denied.Grant);
        Assert.Equal(asked.ApprovedDuration, denied.ApprovedDuration);
        Assert.Equal(asked.DueAt, denied.DueAt);
        Assert.Equal(RefusalReason.ExtensionDecided, Transitions.ApproveExtension(denied, "U0APPROVER2", Now).Refusal!.Reason);
        // A new request for more time may follow a decided one.
        Assert.True(Transitions.AskExtension(denied, denied.Requester.UserId, TimeSpan.FromHours(4), "again", Max, Now).IsAllowed);
    }

    [Fact]
    public void ApproveExtension_WindowOver_Refused()
    {
        var asked = Asked();

        Assert.Equal(RefusalReason.WindowClosed, Transitions.ApproveExtension(asked, "U0APPROVER1", asked.Grant!.WindowEnd).Refusal!.Reason);
    }
}
