using SlackJit.Access;
using static SlackJit.Tests.Access.AccessRequestBuilder;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

public sealed class AccessPolicyLimitsTests
{
    private static readonly AccessOptions Options = new() { MaxPendingPerRequester = 2, MaxRequestsPerHour = 3 };

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    public void CheckLimits_UnderBothLimits_IsAllowed(int pending, int lastHour)
    {
        Assert.True(AccessPolicy.CheckLimits(pending, lastHour, Options).IsAllowed);
    }

    [Fact]
    public void CheckLimits_AtPendingLimit_RefusesWithTheNumbers()
    {
        var check = AccessPolicy.CheckLimits(2, 2, Options);

        Assert.Equal(RefusalReason.TooManyPending, check.Refusal!.Reason);
        Assert.Equal("You already have 2 requests waiting for approval (the most allowed is 2); cancel one or wait for a decision.", check.Refusal.Text());
    }

    [Fact]
    public void CheckLimits_AtHourlyLimit_RefusesWithTheNumbers()
    {
        var check = AccessPolicy.CheckLimits(0, 3, Options);

        Assert.Equal(RefusalReason.TooManyRequests, check.Refusal!.Reason);
        Assert.Equal("You made 3 requests in the last hour (the most allowed is 3); try again later.", check.Refusal.Text());
    }
}
