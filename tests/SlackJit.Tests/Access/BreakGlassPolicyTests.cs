using SlackJit.Access;
using SlackJit.Slack.Messaging;
using static SlackJit.Tests.Access.AccessRequestBuilder;

namespace SlackJit.Tests.Access;

/// <summary>Who may break the glass on what, for how long and why; and who may acknowledge it.</summary>
public sealed class BreakGlassPolicyTests
{
    private static readonly ResourceOptions Analytics = new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        Prefix = "reports/",
        MaxDuration = TimeSpan.FromHours(4),
        Approvers = [ApproverId, "S0DATA"],
        BreakGlass = true,
        AllowSelfApproval = true,
    };

    private static readonly ResourceOptions Finance = new()
    {
        Name = "finance",
        Bucket = "finance-data",
        Prefix = "",
        MaxDuration = TimeSpan.FromHours(4),
        Approvers = [ApproverId],
    };

    private static AccessOptions Options(bool requireReason = true) => new()
    {
        RequireReason = requireReason,
        DefaultDuration = TimeSpan.FromHours(2),
        Resources = [Analytics, Finance],
    };

    private static AccessDecision Decide(string bucket, TimeSpan? duration, string reason, bool requireReason = true) =>
        AccessPolicy.Decide(new ParsedRequest(bucket, bucket == "analytics-prod" ? "reports/" : "", duration, reason, BreakGlass: true), Options(requireReason), RequesterFacts.Member);

    [Fact]
    public void Decide_EntryAllowsIt_AllowedAsBreakGlass()
    {
        var allowed = Assert.IsType<AccessDecision.Allowed>(Decide("analytics-prod", TimeSpan.FromMinutes(45), "INC-1 outage"));

        Assert.True(allowed.BreakGlass);
        Assert.Equal(TimeSpan.FromMinutes(45), allowed.Duration);
        Assert.Equal("INC-1 outage", allowed.Reason);
    }

    [Fact]
    public void Decide_NoDuration_DefaultCappedByBreakGlassMaximum()
    {
        var allowed = Assert.IsType<AccessDecision.Allowed>(Decide("analytics-prod", null, "INC-1 outage"));

        Assert.Equal(BreakGlassOptions.DefaultMaxDuration, allowed.Duration);
    }

    [Fact]
    public void Decide_EntryWithoutBreakGlass_RefusedNamingTheEntry()
    {
        var refused = Assert.IsType<AccessDecision.Refused>(Decide("finance-data", TimeSpan.FromMinutes(30), "INC-1 outage"));

        Assert.Equal(RefusalReason.BreakGlassNotAllowed, refused.Reason);
        Assert.Equal("finance does not allow break-glass: request it without `--break-glass` and an approver decides.", refused.Text());
    }

    [Fact]
    public void Decide_LongerThanBreakGlassMaximum_RefusedWithTheMaximumEvenWithinTheEntrysOwn()
    {
        var refused = Assert.IsType<AccessDecision.Refused>(Decide("analytics-prod", TimeSpan.FromHours(2), "INC-1 outage"));

        Assert.Equal(RefusalReason.BreakGlassTooLong, refused.Reason);
        Assert.Equal(BreakGlassOptions.DefaultMaxDuration, refused.Facts.Bound);
        Assert.StartsWith("Break-glass access lasts at most 1h; 2h is too long.", refused.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_NoReason_RefusedWhateverRequireReasonSays(bool requireReason)
    {
        var refused = Assert.IsType<AccessDecision.Refused>(Decide("analytics-prod", TimeSpan.FromMinutes(30), "  ", requireReason));

        Assert.Equal(RefusalReason.BreakGlassReasonRequired, refused.Reason);
        Assert.Contains("--break-glass INC-4211", refused.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WithoutTheFlag_NotBreakGlassEvenOnAnEntryThatAllowsIt()
    {
        var allowed = Assert.IsType<AccessDecision.Allowed>(
            AccessPolicy.Decide(new ParsedRequest("analytics-prod", "reports/", TimeSpan.FromHours(3), "INC-1"), Options(), RequesterFacts.Member));

        Assert.False(allowed.BreakGlass);
    }

    [Fact]
    public void CanAcknowledge_Approver_Allowed()
    {
        Assert.True(AccessPolicy.CanAcknowledge(Analytics, Pending().Build(), ApproverId, new HashSet<string>()).IsAllowed);
    }

    [Fact]
    public void CanAcknowledge_GroupMember_Allowed()
    {
        Assert.True(AccessPolicy.CanAcknowledge(Analytics, Pending().Build(), "U0MEMBER", new HashSet<string> { "S0DATA" }).IsAllowed);
    }

    [Fact]
    public void CanAcknowledge_RequesterListedAsApproverWithSelfApproval_StillRefused()
    {
        var request = Pending().WithRequester(ApproverId).Build();

        var check = AccessPolicy.CanAcknowledge(Analytics, request, ApproverId, new HashSet<string>());

        Assert.Equal(RefusalReason.SelfAcknowledgement, check.Refusal?.Reason);
    }

    [Fact]
    public void CanAcknowledge_Outsider_RefusedAsNotAnApprover()
    {
        Assert.Equal(RefusalReason.NotAnApprover, AccessPolicy.CanAcknowledge(Analytics, Pending().Build(), "U0NOSY", new HashSet<string>()).Refusal?.Reason);
    }
}
