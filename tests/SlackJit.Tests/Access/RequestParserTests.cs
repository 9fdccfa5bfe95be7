using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class RequestParserTests
{
    [Theory]
    [InlineData("analytics-prod", "analytics-prod", "", null, "")]
    [InlineData("analytics-prod/reports 2h INC-4211 investigating", "analytics-prod", "reports", 120, "INC-4211 investigating")]
    [InlineData("analytics-prod/reports/2024/ 1h30m audit", "analytics-prod", "reports/2024/", 90, "audit")]
    [InlineData("analytics-prod/ 30m", "analytics-prod", "", 30, "")]
    [InlineData("analytics-prod investigating INC-1", "analytics-prod", "", null, "investigating INC-1")]
    [InlineData("analytics-prod 2hours of work", "analytics-prod", "", 120, "of work")]
    [InlineData("analytics-prod 120 rows missing", "analytics-prod", "", null, "120 rows missing")]
    [InlineData("analytics-prod INC-1 2h", "analytics-prod", "", null, "INC-1 2h")]
    [InlineData("  analytics-prod/reports \t 2h   INC-4211 \n  investigating  ", "analytics-prod", "reports", 120, "INC-4211 investigating")]
    [InlineData("s3://analytics-prod/reports 45m x", "analytics-prod", "reports", 45, "x")]
    [InlineData("S3://analytics-prod x", "analytics-prod", "", null, "x")]
    [InlineData("analytics-prod/a/b//c 2h", "analytics-prod", "a/b//c", 120, "")]
    [InlineData("analytics-prod 2H why", "analytics-prod", "", 120, "why")]
    public void TryParse_Command_SplitsTargetDurationAndReason(string text, string bucket, string prefix, int? minutes, string reason)
    {
        Assert.True(RequestParser.TryParse(text, out var request, out var problem), problem.ToString());
        Assert.Equal(ParseProblem.None, problem);

        Assert.Equal(new ParsedRequest(bucket, prefix, minutes is null ? null : TimeSpan.FromMinutes(minutes.Value), reason), request);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void TryParse_Empty_SaysEmpty(string? text)
    {
        Assert.False(RequestParser.TryParse(text, out var request, out var problem));

        Assert.Null(request);
        Assert.Equal(ParseProblem.Empty, problem);
    }

    [Theory]
    [InlineData("/reports 2h why")]
    [InlineData("s3:///reports")]
    public void TryParse_NoBucket_SaysNoBucket(string text)
    {
        Assert.False(RequestParser.TryParse(text, out var request, out var problem));

        Assert.Null(request);
        Assert.Equal(ParseProblem.NoBucket, problem);
    }

    [Fact]
    public void TryParse_PrefixWithLeadingSlash_KeepsItForThePolicyToRefuse()
    {
        Assert.True(RequestParser.TryParse("analytics-prod//etc", out var request, out _));

        Assert.Equal("/etc", request.Prefix);
    }

    [Fact]
    public void TryParse_ReasonWithDirectionOverrides_DropsThem()
    {
        Assert.True(RequestParser.TryParse("analytics-prod 1h INC\u202E1234\u0007 fix", out var request, out _));

        Assert.Equal("INC1234 fix", request.Reason);
    }

    [Theory]
    [InlineData("analytics-prod 1h INC \u202E\u200F fix", "INC fix")]
    [InlineData("analytics-prod 1h \u2066", "")]
    [InlineData("analytics-prod \u0007why", "why")]
    [InlineData("analytics-prod 1h plain words only", "plain words only")]
    public void TryParse_ReasonWordsOfInvisibleCharactersOnly_LeaveNoGap(string text, string reason)
    {
        Assert.True(RequestParser.TryParse(text, out var request, out _));

        Assert.Equal(reason, request.Reason);
    }

    [Fact]
    public void TryParse_HugeInput_DoesNotThrow()
    {
        var text = "analytics-prod/" + new string('a', 100_000) + " 2h " + string.Join(' ', Enumerable.Repeat("word", 10_000));

        Assert.True(RequestParser.TryParse(text, out var request, out _));

        Assert.Equal(100_000, request.Prefix.Length);
        Assert.Equal(TimeSpan.FromHours(2), request.Duration);
    }

    [Fact]
    public void CleanReason_MultilineText_IsOneLine()
    {
        Assert.Equal("line one line two", RequestParser.CleanReason(" line one\r\n\r\n  line\ttwo "));
    }
}
