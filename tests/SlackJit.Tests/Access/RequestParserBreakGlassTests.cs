using SlackJit.Access;

namespace SlackJit.Tests.Access;

/// <summary><c>--break-glass</c> in the command: a word of its own anywhere, taken out before the rest is read.</summary>
public sealed class RequestParserBreakGlassTests
{
    [Theory]
    [InlineData("analytics-prod/reports 30m --break-glass INC-4211 outage")]
    [InlineData("analytics-prod/reports --break-glass 30m INC-4211 outage")]
    [InlineData("--break-glass analytics-prod/reports 30m INC-4211 outage")]
    [InlineData("analytics-prod/reports 30m INC-4211 outage --break-glass")]
    [InlineData("analytics-prod/reports 30m INC-4211 --BREAK-GLASS outage")]
    [InlineData("analytics-prod/reports 30m \u2014break-glass INC-4211 outage")]
    [InlineData("analytics-prod/reports 30m \u2013break-glass INC-4211 outage")]
    public void TryParse_FlagAnywhere_BreakGlassWithTheSameTargetDurationAndReason(string text)
    {
        Assert.True(RequestParser.TryParse(text, out var request, out var problem), problem.ToString());

        Assert.Equal(new ParsedRequest("analytics-prod", "reports", TimeSpan.FromMinutes(30), "INC-4211 outage", BreakGlass: true), request);
    }

    [Theory]
    [InlineData("analytics-prod/reports 30m INC-4211 outage")]
    [InlineData("analytics-prod/reports 30m INC-4211 --break-glass-please")]
    [InlineData("analytics-prod/reports 30m INC-4211 break-glass")]
    public void TryParse_NoFlagWord_NotBreakGlass(string text)
    {
        Assert.True(RequestParser.TryParse(text, out var request, out var problem), problem.ToString());

        Assert.False(request.BreakGlass);
    }

    [Fact]
    public void TryParse_FlagWithoutReason_ParsesWithAnEmptyReasonForThePolicyToRefuse()
    {
        Assert.True(RequestParser.TryParse("analytics-prod/reports 30m --break-glass", out var request, out var problem), problem.ToString());

        Assert.Equal(new ParsedRequest("analytics-prod", "reports", TimeSpan.FromMinutes(30), "", BreakGlass: true), request);
    }

    [Fact]
    public void TryParse_FlagAlone_SaysOnlyBreakGlass()
    {
        Assert.False(RequestParser.TryParse("  --break-glass ", out var request, out var problem));

        Assert.Null(request);
        Assert.Equal(ParseProblem.OnlyBreakGlass, problem);
    }
}
