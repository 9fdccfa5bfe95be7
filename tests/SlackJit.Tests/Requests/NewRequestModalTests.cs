using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Requests;

public sealed class NewRequestModalTests
{
    private static readonly AccessOptions Options = new()
    {
        DefaultDuration = TimeSpan.FromHours(1),
        Resources =
        [
            new ResourceOptions { Name = "analytics", Bucket = "analytics-prod", MaxDuration = TimeSpan.FromHours(4), Approvers = ["U0A"] },
            new ResourceOptions { Name = "finance", Bucket = "finance-data", Prefix = "reports/", MaxDuration = TimeSpan.FromHours(2), Approvers = ["U0A"] },
        ],
    };

    [Theory]
    [InlineData("analytics", "analytics-prod", "", "analytics · analytics-prod (max 4h)")]
    [InlineData("finance", "finance-data", "reports/", "finance · finance-data/reports/ (max 4h)")]
    [InlineData("platform-logs", "platform-logs", "", "platform-logs (max 4h)")]
    public void Label_Entry_NamesItOnceWhenTheNameIsTheBucket(string name, string bucket, string prefix, string expected) =>
        Assert.Equal(expected, NewRequestModal.Label(new ResourceOptions { Name = name, Bucket = bucket, Prefix = prefix, MaxDuration = TimeSpan.FromHours(4) }));

    [Theory]
    [InlineData(1, "e0")]
    [InlineData(3, "e0, e1, e2")]
    [InlineData(5, "e0, e1, e2 and 2 more")]
    public void BreakGlassEntries_Catalog_NamesTheEntriesThatAllowIt(int allowing, string expected)
    {
        var resources = Enumerable.Range(0, 6).Select(i => new ResourceOptions { Name = $"e{i}", BreakGlass = i < allowing }).Prepend(new ResourceOptions { Name = "no" });

        Assert.Equal(expected, NewRequestModal.BreakGlassEntries(resources));
    }

    [Fact]
    public void Build_Catalog_ValidViewWithEntriesAndDurationsUpToTheLongestMax()
    {
        var view = NewRequestModal.Build(Options);

        Assert.Null(SlackLimits.CheckView(view));
        var json = view.ToJsonString();
        Assert.Contains("\"value\":\"analytics\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"finance\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"4h\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"value\":\"8h\"", json, StringComparison.Ordinal);
        Assert.Equal("1h", (string?)view["blocks"]![2]!["element"]!["initial_option"]!["value"]);
    }

    [Fact]
    public void Build_MoreThanAHundredEntries_ListsAHundredAndReports()
    {
        var big = new AccessOptions
        {
            Resources = [.. Enumerable.Range(0, 120).Select(i => new ResourceOptions { Name = $"r{i}", Bucket = $"bucket-{i}", Approvers = ["U0A"] })],
        };
        (int Count, int Shown)? reported = null;

        var view = NewRequestModal.Build(big, (count, shown) => reported = (count, shown));

        Assert.Null(SlackLimits.CheckView(view));
        Assert.Equal((120, 100), reported);
    }

    [Fact]
    public void Read_PrefixInsideEntry_JoinedToTheEntrysPrefix()
    {
        var (request, errors) = NewRequestModal.Read(State(("resource", "finance"), ("prefix", "2026/"), ("duration", "2h"), ("reason", "  INC-1   check ")), Options);

        Assert.Null(errors);
        Assert.Equal(new ParsedRequest("finance-data", "reports/2026/", TimeSpan.FromHours(2), "INC-1 check"), request);
    }

    [Fact]
    public void Read_PrefixRepeatingTheEntrysPrefix_NotDoubled()
    {
        var (request, _) = NewRequestModal.Read(State(("resource", "finance"), ("prefix", "reports/2026/")), Options);

        Assert.Equal("reports/2026/", request!.Prefix);
        Assert.Null(request.Duration);
    }

    [Fact]
    public void Read_UnknownEntry_ErrorOnResourceBlock()
    {
        var (request, errors) = NewRequestModal.Read(State(("resource", "gone")), Options);

        Assert.Null(request);
        Assert.True(errors!.ContainsKey(RequestsSlackKeys.ResourceBlock));
    }

    [Theory]
    [InlineData(RefusalReason.DurationTooLong, "duration")]
    [InlineData(RefusalReason.InvalidPrefix, "prefix")]
    [InlineData(RefusalReason.PrefixOutsideResource, "prefix")]
    [InlineData(RefusalReason.ReasonRequired, "reason")]
    [InlineData(RefusalReason.RequesterIsGuest, "resource")]
    [InlineData(RefusalReason.TooManyPending, "resource")]
    [InlineData(null, "resource")]
    public void BlockFor_Refusal_TheInputItIsAbout(RefusalReason? reason, string block) =>
        Assert.Equal(block, NewRequestModal.BlockFor(reason));

    private static SlackViewState State(params (string Block, string Value)[] values) =>
        new(values.ToDictionary(
            v => v.Block,
            v => (IReadOnlyDictionary<string, SlackStateValue>)new Dictionary<string, SlackStateValue> { ["value"] = new(Value: v.Value) }));
}
