using SlackJit.Access;
using SlackJit.Slack.Messaging;

namespace SlackJit.Tests.Access;

public sealed class AccessPolicyTests
{
    private static readonly ResourceOptions Analytics = new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        Prefix = "reports/",
        MaxDuration = TimeSpan.FromHours(1),
        Approvers = ["U0DATA"],
    };

    private static readonly ResourceOptions Finance = new()
    {
        Name = "finance-ledgers",
        Bucket = "analytics-prod",
        Prefix = "reports/finance/",
        MaxDuration = TimeSpan.FromHours(4),
        Approvers = ["S0FINANCE"],
        RequiredApprovals = 2,
    };

    private static readonly ResourceOptions Logs = new()
    {
        Name = "logs",
        Bucket = "logs-archive",
        Prefix = "",
        MaxDuration = TimeSpan.FromHours(12),
        Approvers = ["U0OPS"],
    };

    private static AccessOptions Options(bool requireReason = true) => new()
    {
        RequireReason = requireReason,
        DefaultDuration = TimeSpan.FromHours(2),
        Resources = [Analytics, Finance, Logs],
    };

    [Fact]
    public void Decide_RequestInsideResource_AllowsWithItsRef()
    {
        var decision = Decide("analytics-prod/reports/2024 30m INC-4211 investigating");

        var allowed = Assert.IsType<AccessDecision.Allowed>(decision);
        Assert.Same(Analytics, allowed.Resource);
        Assert.Equal(new ResourceRef("analytics", "analytics-prod", "reports/2024"), allowed.Ref);
        Assert.Equal(TimeSpan.FromMinutes(30), allowed.Duration);
        Assert.Equal("INC-4211 investigating", allowed.Reason);
    }

    [Fact]
    public void Decide_SeveralEntriesMatch_PicksTheLongestPrefix()
    {
        var allowed = Assert.IsType<AccessDecision.Allowed>(Decide("analytics-prod/reports/finance/q1 3h audit"));

        Assert.Same(Finance, allowed.Resource);
        Assert.Equal("finance-ledgers", allowed.Ref.Name);
    }

    [Fact]
    public void Decide_WholeBucketResource_CoversAnyPrefix()
    {
        var allowed = Assert.IsType<AccessDecision.Allowed>(Decide("logs-archive/2026/03/ 12h audit"));

        Assert.Same(Logs, allowed.Resource);
    }

    [Fact]
    public void Decide_NoDuration_UsesDefaultCappedByTheResourceMaximum()
    {
        var toAnalytics = Assert.IsType<AccessDecision.Allowed>(Decide("analytics-prod/reports/ why"));
        var toLogs = Assert.IsType<AccessDecision.Allowed>(Decide("logs-archive why"));

        Assert.Equal(TimeSpan.FromHours(1), toAnalytics.Duration);
        Assert.Equal(TimeSpan.FromHours(2), toLogs.Duration);
    }

    [Fact]
    public void Decide_UnknownBucket_Refuses()
    {
        var refused = Refused(Decide("secrets-prod 1h why"), RefusalReason.UnknownBucket);

        Assert.Contains("`secrets-prod` is not among the buckets you can request", refused.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UppercaseBucket_SuggestsTheLowercaseName()
    {
        var refused = Refused(Decide("Analytics-Prod 1h why"), RefusalReason.InvalidBucket);

        Assert.Contains("try `analytics-prod`", refused.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PrefixOutsideResource_SaysWhatMayBeRequested()
    {
        var refused = Refused(Decide("analytics-prod/tmp 1h why"), RefusalReason.PrefixOutsideResource);

        Assert.Equal(
            "`analytics-prod/tmp` is outside what you may request: `analytics-prod/reports/…` or `analytics-prod/reports/finance/…`.",
            refused.Text());
    }

    [Fact]
    public void Decide_PrefixShorterThanResourcePrefix_IsOutside()
    {
        // "reports" would also cover "reports-private/…", which the entry does not grant.
        Refused(Decide("analytics-prod/reports 1h why"), RefusalReason.PrefixOutsideResource);
    }

    [Theory]
    [InlineData("analytics-prod/reports/*.csv", "wildcard")]
    [InlineData("analytics-prod/reports/?", "wildcard")]
    [InlineData("analytics-prod/reports/../finance", "..")]
    [InlineData("analytics-prod//reports", "starts with /")]
    [InlineData("analytics-prod/reports/${aws:username}", "${")]
    [InlineData("analytics-prod/reports/\"x", "quote")]
    [InlineData("analytics-prod/reports/\u202Etxt.exe", "formatting")]
    public void Decide_HostilePrefix_RefusesAsInvalid(string target, string problem)
    {
        var refused = Refused(Decide($"{target} 1h why"), RefusalReason.InvalidPrefix);

        Assert.Contains(problem, refused.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PrefixWithUnpairedSurrogate_RefusesAsInvalid()
    {
        // Built in code: attribute arguments cannot carry an unpaired surrogate.
        var parsed = new ParsedRequest("analytics-prod", "reports/\uD800x", TimeSpan.FromHours(1), "why");

        var refused = Refused(AccessPolicy.Decide(parsed, Options(), RequesterFacts.Member), RefusalReason.InvalidPrefix);

        Assert.Contains("invalid character", refused.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PrefixTooLong_RefusesAsInvalid()
    {
        var parsed = new ParsedRequest("analytics-prod", "reports/" + new string('a', ResourceOptions.MaxPrefixLength), TimeSpan.FromHours(1), "why");

        var refused = Refused(AccessPolicy.Decide(parsed, Options(), RequesterFacts.Member), RefusalReason.InvalidPrefix);

        Assert.Contains("longer than 512", refused.Text(), StringComparison.Ordinal);
        Assert.True(refused.Text().Length < 200, "echoed input is clipped");
    }

    [Fact]
    public void Decide_DurationOverMaximum_SaysTheMaximum()
    {
        var refused = Refused(Decide("analytics-prod/reports/ 2h why"), RefusalReason.DurationTooLong);

        Assert.Equal("2h is over the 1h maximum for analytics.", refused.Text());
    }

    [Fact]
    public void Decide_DurationUnderMinimum_SaysTheMinimum()
    {
        var refused = Refused(Decide("analytics-prod/reports/ 10m why"), RefusalReason.DurationTooShort);

        Assert.StartsWith("10m is under the 15m minimum", refused.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoReasonWhenRequired_ShowsAnExample()
    {
        var refused = Refused(Decide("analytics-prod/reports/ 30m"), RefusalReason.ReasonRequired);

        Assert.Contains("/s3-access analytics-prod/reports/ 30m INC-4211", refused.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoReasonWhenOptional_Allows()
    {
        Assert.True(RequestParser.TryParse("analytics-prod/reports/ 30m", out var parsed, out _));

        var allowed = Assert.IsType<AccessDecision.Allowed>(AccessPolicy.Decide(parsed, Options(requireReason: false), RequesterFacts.Member));

        Assert.Equal("", allowed.Reason);
    }

    [Fact]
    public void Decide_ReasonTooLong_Refuses()
    {
        Refused(Decide("analytics-prod/reports/ 30m " + new string('x', AccessPolicy.MaxReasonLength + 1)), RefusalReason.ReasonTooLong);
    }

    [Theory]
    [InlineData(true, false, false, RefusalReason.RequesterIsGuest)]
    [InlineData(false, true, false, RefusalReason.RequesterIsBot)]
    [InlineData(false, false, true, RefusalReason.RequesterDeactivated)]
    [InlineData(true, true, true, RefusalReason.RequesterDeactivated)]
    public void Decide_IneligibleRequester_RefusesBeforeAnythingElse(bool guest, bool bot, bool deleted, RefusalReason reason)
    {
        Assert.True(RequestParser.TryParse("analytics-prod/reports/ 30m why", out var parsed, out _));

        Refused(AccessPolicy.Decide(parsed, Options(), new RequesterFacts(guest, bot, deleted)), reason);
    }

    [Fact]
    public void Decide_EmptyCatalog_RefusesAsUnknownBucket()
    {
        Assert.True(RequestParser.TryParse("analytics-prod 30m why", out var parsed, out _));

        Refused(AccessPolicy.Decide(parsed, new AccessOptions(), RequesterFacts.Member), RefusalReason.UnknownBucket);
    }

    [Fact]
    public void FindResource_ByName_FindsTheEntryOrNull()
    {
        Assert.Same(Finance, AccessPolicy.FindResource(Options(), new ResourceRef("finance-ledgers", "analytics-prod", "reports/finance/x")));
        Assert.Null(AccessPolicy.FindResource(Options(), new ResourceRef("removed", "analytics-prod", "")));
    }

    private static AccessDecision Decide(string text)
    {
        Assert.True(RequestParser.TryParse(text, out var parsed, out var problem), problem.ToString());
        return AccessPolicy.Decide(parsed, Options(), RequesterFacts.Member);
    }

    private static AccessDecision.Refused Refused(AccessDecision decision, RefusalReason reason)
    {
        var refused = Assert.IsType<AccessDecision.Refused>(decision);
        Assert.Equal(reason, refused.Reason);
        Assert.False(string.IsNullOrWhiteSpace(refused.Text()));
        return refused;
    }
}
