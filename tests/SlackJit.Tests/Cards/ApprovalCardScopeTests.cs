using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Slack.Messaging;
using SlackJit.Tests.Access;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Cards;

/// <summary>The card tells approvers what the grant leaves out and where it works.</summary>
public sealed class ApprovalCardScopeTests
{
    private static readonly DateTimeOffset Now = AccessRequestBuilder.T0 + TimeSpan.FromMinutes(10);

    [Fact]
    public void Build_ScopeWithExclusionsAndConditions_ShowsThemInPlainText()
    {
        var request = AccessRequestBuilder.Pending().Build();
        var scope = new GrantScope("analytics-prod", "reports/", ["reports/hr/", "reports/pay/"],
            new EntryConditions(["10.0.0.0/8"], ["vpce-1a2b3c4d"], [new("classification", "internal")]));

        var card = ApprovalCard.Build(request, null, Now, scope);

        var text = CardText.All(card.Blocks);
        Assert.Contains("Excludes reports/hr/, reports/pay/ — separate approval", text, StringComparison.Ordinal);
        Assert.Contains("Works only from 10.0.0.0/8 or through vpce-1a2b3c4d", text, StringComparison.Ordinal);
        Assert.Contains("Reads only objects tagged classification=internal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PlainScope_AddsNothing()
    {
        var request = AccessRequestBuilder.Pending().Build();

        Assert.Equal(
            ApprovalCard.Build(request, null, Now).Blocks!.ToJsonString(),
            ApprovalCard.Build(request, null, Now, GrantScope.Plain("analytics-prod", "reports/")).Blocks!.ToJsonString());
    }

    [Fact]
    public void Lines_ManyExclusions_ShowsTheFirstFewAndCountsTheRest()
    {
        var scope = new GrantScope("b-1", "", [.. Enumerable.Range(0, 8).Select(i => $"t{i}/")], EntryConditions.None);

        Assert.Equal(["Excludes t0/, t1/, t2/, t3/, t4/ and 3 more — separate approval"], GrantScopeText.Lines(scope));
    }

    [Fact]
    public async Task Command_UnderAnEntryWithANestedOne_CardSaysWhatIsExcluded()
    {
        await using var harness = await SlackJitHarness.StartAsync(o =>
        {
            o.Settings["Access:Resources:2:Name"] = "analytics-hr";
            o.Settings["Access:Resources:2:Bucket"] = "analytics-prod";
            o.Settings["Access:Resources:2:Prefix"] = "reports/hr/";
            o.Settings["Access:Resources:2:Approvers:0"] = SlackJitHarness.SecondApprover;
            o.Settings["Access:Resources:0:SourceIpRanges:0"] = "10.0.0.0/8";
        });

        var request = await harness.RequestWithCardAsync("analytics-prod/reports/h 2h INC-4211 investigating");

        Assert.Equal("analytics", request.Resource.Name);
        var card = harness.Card(request);
        Assert.Contains("Excludes reports/hr/ — separate approval", card.AllText, StringComparison.Ordinal);
        Assert.Contains("Works only from 10.0.0.0/8", card.AllText, StringComparison.Ordinal);
    }
}
