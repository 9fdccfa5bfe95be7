using SlackJit.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

/// <summary>
/// A grant under a broad catalog entry never reaches into a more specific entry, which has its own approvers:
/// the session policy denies its objects and listings, whatever prefix was asked for.
/// </summary>
public sealed class NestedEntriesTests
{
    private static readonly ResourceOptions Reports = new() { Name = "reports", Bucket = "acme-data", Prefix = "reports/", Approvers = ["U0LEAD"] };
    private static readonly ResourceOptions Hr = new() { Name = "hr", Bucket = "acme-data", Prefix = "reports/hr/", Approvers = ["U0SECURITY"] };
    private static readonly ResourceOptions Payroll = new() { Name = "payroll", Bucket = "acme-data", Prefix = "reports/hr/payroll/", Approvers = ["U0CFO"] };
    private static readonly ResourceOptions Other = new() { Name = "other", Bucket = "acme-other", Prefix = "reports/hr/", Approvers = ["U0X"] };
    private static readonly AccessOptions Catalog = new() { Resources = [Reports, Hr, Payroll, Other] };

    private static (AccessDecision.Allowed Allowed, S3Probe Probe) Grant(string target)
    {
        var decision = AccessPolicy.Decide(new ParsedRequest("acme-data", target, TimeSpan.FromHours(1), "INC-1"), Catalog, new RequesterFacts(false, false, false));
        var allowed = Assert.IsType<AccessDecision.Allowed>(decision);
        var entry = allowed.Resource;
        var policy = SessionPolicy.Build(GrantScope.For(Catalog.Resources, entry, target), null, null, "aws");
        Assert.NotNull(policy);
        return (allowed, new S3Probe(policy, "acme-data"));
    }

    [Theory]
    [InlineData("reports/h")]
    [InlineData("reports/")]
    [InlineData("reports/hr")]
    public void Grant_UnderTheBroadEntry_NeitherReadsNorListsTheNestedEntry(string target)
    {
        var (allowed, probe) = Grant(target);

        Assert.Equal("reports", allowed.Resource.Name);
        Assert.False(probe.CanRead("reports/hr/salaries.csv"));
        Assert.False(probe.CanRead("reports/hr/payroll/2026.csv"));
        Assert.False(probe.CanList("reports/hr/"));
        Assert.False(probe.CanList("reports/hr/payroll/"));
        Assert.False(probe.CanList(target, delimiter: null));
        Assert.True(probe.CanList(target));
    }

    [Fact]
    public void Grant_UnderTheBroadEntry_StillReadsAndListsTheRestOfIt()
    {
        var (_, probe) = Grant("reports/");

        Assert.True(probe.CanRead("reports/q1.csv"));
        Assert.True(probe.CanRead("reports/hr-summary.csv"));
        Assert.True(probe.CanRead("reports/hrx/a"));
        Assert.True(probe.CanList("reports/"));
        Assert.True(probe.CanList("reports/2026/"));
        Assert.False(probe.CanRead("other/x"));
    }

    [Fact]
    public void Grant_ForTheNestedEntry_ExcludesOnlyWhatIsNestedInIt()
    {
        var (allowed, probe) = Grant("reports/hr/");

        Assert.Equal("hr", allowed.Resource.Name);
        Assert.True(probe.CanRead("reports/hr/salaries.csv"));
        Assert.False(probe.CanRead("reports/hr/payroll/2026.csv"));
        Assert.False(probe.CanRead("reports/q1.csv"));
    }

    [Fact]
    public void Grant_WithoutNestedEntries_ListsWithoutADelimiter()
    {
        var (_, probe) = Grant("reports/hr/payroll/");

        Assert.True(probe.CanList("reports/hr/payroll/", delimiter: null));
        Assert.True(probe.CanRead("reports/hr/payroll/2026.csv"));
    }

    [Fact]
    public void For_NestedEntries_KeepsOnlyTheOutermostOfTheSameBucket()
    {
        var scope = GrantScope.For(Catalog.Resources, Reports, "reports/");

        Assert.Equal(["reports/hr/"], scope.Excluded);
        Assert.False(scope.CoversNothing);
    }

    [Fact]
    public void For_AnEntryAddedInsideTheGrantAfterApproval_CoversNothing()
    {
        var scope = GrantScope.For(Catalog.Resources, Reports, "reports/hr/old/");

        Assert.Equal(["reports/hr/"], scope.Excluded);
        Assert.True(scope.CoversNothing);
    }

    [Fact]
    public void Decide_TooManyNestedEntriesToExclude_RefusesWithAClearMessage()
    {
        var crowded = new AccessOptions
        {
            Resources =
            [
                new() { Name = "all", Bucket = "acme-data", Prefix = "", Approvers = ["U0LEAD"] },
                .. Enumerable.Range(0, 60).Select(i => new ResourceOptions { Name = $"team-{i}", Bucket = "acme-data", Prefix = $"teams/team-{i:00}-data/", Approvers = ["U0X"] }),
            ],
        };

        var decision = AccessPolicy.Decide(new ParsedRequest("acme-data", "teams/", null, "INC-1"), crowded, new RequesterFacts(false, false, false));

        var refused = Assert.IsType<AccessDecision.Refused>(decision);
        Assert.Equal(RefusalReason.PolicyTooLarge, refused.Reason);
        Assert.Contains("60 separately approved prefixes", refused.Text(), StringComparison.Ordinal);
        Assert.Contains("narrower prefix", refused.Text(), StringComparison.Ordinal);
        Assert.IsType<AccessDecision.Allowed>(AccessPolicy.Decide(new ParsedRequest("acme-data", "teams/team-07", null, "INC-1"), crowded, new RequesterFacts(false, false, false)));
    }
}
