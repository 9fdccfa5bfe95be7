using SlackJit.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

public sealed class AccessPolicyApproversTests
{
    private static readonly IReadOnlySet<string> NoGroups = new HashSet<string>();

    private static ResourceOptions Resource(bool allowSelf = false) => new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        Approvers = ["U0ALICE", "S0DATATEAM"],
        AllowSelfApproval = allowSelf,
    };

    private static readonly AccessRequest Request = AccessRequestBuilder.Pending().WithRequester("U0REQ").Build();

    [Fact]
    public void CanApprove_ListedUser_IsAllowed()
    {
        Assert.True(AccessPolicy.CanApprove(Resource(), Request, "U0ALICE", NoGroups).IsAllowed);
    }

    [Fact]
    public void CanApprove_MemberOfListedGroup_IsAllowed()
    {
        Assert.True(AccessPolicy.CanApprove(Resource(), Request, "U0BOB", new HashSet<string> { "S0OTHER", "S0DATATEAM" }).IsAllowed);
    }

    [Fact]
    public void CanApprove_NotListed_RefusesAsNotAnApprover()
    {
        var check = AccessPolicy.CanApprove(Resource(), Request, "U0MALLORY", new HashSet<string> { "S0OTHER" });

        Assert.False(check.IsAllowed);
        Assert.Equal(RefusalReason.NotAnApprover, check.Refusal.Reason);
        Assert.Equal($"Only approvers of analytics can decide on {Request.ShortId}.", check.Refusal.Text());
    }

    [Fact]
    public void CanApprove_UserIdThatLooksLikeAGroupId_IsNotListed()
    {
        // A user is listed by their own id, never by claiming a group id as a user id.
        Assert.False(AccessPolicy.CanApprove(Resource(), Request, "S0DATATEAM", NoGroups).IsAllowed);
    }

    [Fact]
    public void CanApprove_RequesterWhoIsAnApprover_RefusesAsSelfApproval()
    {
        var own = AccessRequestBuilder.Pending().WithRequester("U0ALICE").Build();

        var check = AccessPolicy.CanApprove(Resource(), own, "U0ALICE", NoGroups);

        Assert.Equal(RefusalReason.SelfApproval, check.Refusal!.Reason);
    }

    [Fact]
    public void CanApprove_RequesterWhenSelfApprovalAllowed_IsAllowed()
    {
        var own = AccessRequestBuilder.Pending().WithRequester("U0ALICE").Build();

        Assert.True(AccessPolicy.CanApprove(Resource(allowSelf: true), own, "U0ALICE", NoGroups).IsAllowed);
    }

    [Fact]
    public void CanApprove_RequesterNotListedEvenWithSelfApproval_RefusesAsNotAnApprover()
    {
        var check = AccessPolicy.CanApprove(Resource(allowSelf: true), Request, "U0REQ", NoGroups);

        Assert.Equal(RefusalReason.NotAnApprover, check.Refusal!.Reason);
    }

    [Fact]
    public void CanDeny_RequesterWhoIsAnApprover_IsAllowed()
    {
        var own = AccessRequestBuilder.Pending().WithRequester("U0ALICE").Build();

        Assert.True(AccessPolicy.CanDeny(Resource(), own, "U0ALICE", NoGroups).IsAllowed);
    }

    [Fact]
    public void CanDeny_NotListed_RefusesAsNotAnApprover()
    {
        Assert.Equal(RefusalReason.NotAnApprover, AccessPolicy.CanDeny(Resource(), Request, "U0MALLORY", NoGroups).Refusal!.Reason);
    }

    [Fact]
    public void CanApprove_EmptyClickerId_IsNotListed()
    {
        Assert.False(AccessPolicy.CanApprove(Resource(), Request, "", NoGroups).IsAllowed);
    }

    [Fact]
    public void HasGroupApprovers_GroupListed_IsTrue()
    {
        Assert.True(AccessPolicy.HasGroupApprovers(Resource()));
        Assert.False(AccessPolicy.HasGroupApprovers(new ResourceOptions { Approvers = ["U0ALICE"] }));
    }
}
