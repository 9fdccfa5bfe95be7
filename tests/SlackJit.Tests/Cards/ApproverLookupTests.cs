using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Tests.Access;

namespace SlackJit.Tests.Cards;

public sealed class ApproverLookupTests
{
    private const string Group = "S0GROUP";
    private readonly ISlackApi _slack = Substitute.For<ISlackApi>();
    private readonly FakeTimeProvider _time = new(AccessRequestBuilder.T0);
    private readonly AccessRequest _request = AccessRequestBuilder.Pending().Build();

    private ApproverLookup Lookup() => new(_slack, _time, NullLogger<ApproverLookup>.Instance);

    private static ResourceOptions Resource(bool allowSelf = false, params string[] approvers) => new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        Approvers = [.. approvers],
        AllowSelfApproval = allowSelf,
    };

    [Fact]
    public async Task CanApproveAsync_ListedUser_AllowedWithoutAskingSlack()
    {
        var check = await Lookup().CanApproveAsync(Resource(false, "U0APPROVE", Group), _request, "U0APPROVE", CancellationToken.None);

        Assert.True(check.IsAllowed);
        await _slack.DidNotReceiveWithAnyArgs().GetUserGroupMembersAsync(default!, default);
    }

    [Fact]
    public async Task CanApproveAsync_GroupMember_Allowed()
    {
        _slack.GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>()).Returns(["U0OTHER", "U0MEMBER"]);

        var check = await Lookup().CanApproveAsync(Resource(false, "U0APPROVE", Group), _request, "U0MEMBER", CancellationToken.None);

        Assert.True(check.IsAllowed);
    }

    [Fact]
    public async Task CanApproveAsync_NotInGroup_RefusedNotAnApprover()
    {
        _slack.GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>()).Returns(["U0OTHER"]);

        var check = await Lookup().CanApproveAsync(Resource(false, "U0APPROVE", Group), _request, "U0STRANGER", CancellationToken.None);

        Assert.Equal(RefusalReason.NotAnApprover, check.Refusal?.Reason);
    }

    [Fact]
    public async Task CanApproveAsync_GroupUnreadable_RefusedSayingWhy()
    {
        _slack.GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>())
            .ThrowsAsync(new SlackApiException("usergroups.users.list", SlackErrors.PlanUpgradeRequired));

        var check = await Lookup().CanApproveAsync(Resource(false, "U0APPROVE", Group), _request, "U0MEMBER", CancellationToken.None);

        Assert.Equal(RefusalReason.NotAnApprover, check.Refusal?.Reason);
        Assert.Contains("plan_upgrade_required", check.Refusal!.Text(), StringComparison.Ordinal);
        Assert.Contains(Group, check.Refusal!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("<!subteam", check.Refusal!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CanApproveAsync_GroupUnreadableOnce_FailureCachedBrieflyThenAskedAgain()
    {
        _slack.GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>())
            .Returns(
                _ => throw new SlackApiException("usergroups.users.list", SlackErrors.RateLimited),
                _ => Task.FromResult<IReadOnlyList<string>>(["U0MEMBER"]));
        var lookup = Lookup();

        var first = await lookup.CanApproveAsync(Resource(false, Group), _request, "U0MEMBER", CancellationToken.None);
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => lookup.CanApproveAsync(Resource(false, Group), _request, "U0MEMBER", CancellationToken.None)));
        await _slack.Received(1).GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>());

        _time.Advance(ApproverLookup.FailureCacheFor);
        var later = await lookup.CanApproveAsync(Resource(false, Group), _request, "U0MEMBER", CancellationToken.None);

        Assert.False(first.IsAllowed);
        Assert.All(burst, b => Assert.Contains("ratelimited", b.Refusal!.Text(), StringComparison.Ordinal));
        Assert.True(later.IsAllowed);
        Assert.True(ApproverLookup.FailureCacheFor <= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CanApproveAsync_RemovedFromGroup_NoLongerAnApproverWithinAMinute()
    {
        _slack.GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>()).Returns(
            _ => Task.FromResult<IReadOnlyList<string>>(["U0MEMBER"]),
            _ => Task.FromResult<IReadOnlyList<string>>([]));
        var lookup = Lookup();

        Assert.True((await lookup.CanApproveAsync(Resource(false, Group), _request, "U0MEMBER", CancellationToken.None)).IsAllowed);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True((await lookup.CanApproveAsync(Resource(false, Group), _request, "U0MEMBER", CancellationToken.None)).IsAllowed);
        await _slack.Received(1).GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>());

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await lookup.CanApproveAsync(Resource(false, Group), _request, "U0MEMBER", CancellationToken.None)).IsAllowed);
        await _slack.Received(2).GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CanApproveAsync_RequesterListedAndSelfApprovalOff_RefusedSelfApproval()
    {
        var check = await Lookup().CanApproveAsync(Resource(false, AccessRequestBuilder.RequesterId), _request, AccessRequestBuilder.RequesterId, CancellationToken.None);

        Assert.Equal(RefusalReason.SelfApproval, check.Refusal?.Reason);
    }

    [Fact]
    public async Task CanApproveAsync_RequesterListedAndSelfApprovalOn_Allowed()
    {
        var check = await Lookup().CanApproveAsync(Resource(true, AccessRequestBuilder.RequesterId), _request, AccessRequestBuilder.RequesterId, CancellationToken.None);

        Assert.True(check.IsAllowed);
    }

    [Fact]
    public async Task CanApproveAsync_RequesterInGroupAndSelfApprovalOff_RefusedSelfApproval()
    {
        _slack.GetUserGroupMembersAsync(Group, Arg.Any<CancellationToken>()).Returns([AccessRequestBuilder.RequesterId]);

        var check = await Lookup().CanApproveAsync(Resource(false, Group), _request, AccessRequestBuilder.RequesterId, CancellationToken.None);

        Assert.Equal(RefusalReason.SelfApproval, check.Refusal?.Reason);
    }

    [Fact]
    public async Task CanDenyAsync_RequesterListed_Allowed()
    {
        var check = await Lookup().CanDenyAsync(Resource(false, AccessRequestBuilder.RequesterId), _request, AccessRequestBuilder.RequesterId, CancellationToken.None);

        Assert.True(check.IsAllowed);
    }
}
