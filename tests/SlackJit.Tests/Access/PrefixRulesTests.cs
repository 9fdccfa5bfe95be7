using SlackJit.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

public sealed class PrefixRulesTests
{
    private static readonly AccessOptions Catalog = new()
    {
        Resources = [new ResourceOptions { Name = "data", Bucket = "acme-data", Prefix = "", Approvers = ["U0LEAD"] }],
    };

    [Theory]
    [InlineData("reports/q1 final/", "contains a space or a line break")]
    [InlineData("reports/\u2028x", "contains a space or a line break")]
    [InlineData("reports/\u2029x", "contains a space or a line break")]
    [InlineData("reports/\u00A0x", "contains a space or a line break")]
    [InlineData("reports/`x`", "contains a backtick")]
    public void Problem_SpacesSeparatorsAndBackticks_AreRefused(string prefix, string expected) =>
        Assert.Equal(expected, PrefixRules.Problem(prefix)?.Split(';')[0]);

    [Fact]
    public void Decide_TargetFromTheModalWithASpace_RefusesWithAClearMessage()
    {
        Assert.True(RequestParser.TryParseTarget("acme-data/q1 final/", out var bucket, out var prefix));

        var decision = AccessPolicy.Decide(new ParsedRequest(bucket, prefix, null, "INC-1"), Catalog, new RequesterFacts(false, false, false));

        var refused = Assert.IsType<AccessDecision.Refused>(decision);
        Assert.Equal(RefusalReason.InvalidPrefix, refused.Reason);
        Assert.StartsWith("The prefix `q1 final/` contains a space or a line break", refused.Text(), StringComparison.Ordinal);
    }
}
