using SlackJit.Audit;

namespace SlackJit.Tests.Audit;

public sealed class AuditDatesTests
{
    [Fact]
    public void TryParseEnd_Date_IsTheStartOfTheNextUtcDay()
    {
        Assert.True(AuditDates.TryParseEnd("2026-12-31", out var end));
        Assert.Equal(AuditScenario.At("2027-01-01T00:00:00Z"), end);
    }

    [Fact]
    public void TryParseStart_InstantWithOffset_IsThatInstant()
    {
        Assert.True(AuditDates.TryParseStart("2026-10-01T10:00:00+02:00", out var start));
        Assert.Equal(AuditScenario.At("2026-10-01T08:00:00Z"), start);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("01/10/2026")]
    [InlineData("2026-10-01T10:00:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void TryParseStart_NotADateOrNoOffset_Refused(string text)
    {
        Assert.False(AuditDates.TryParseStart(text, out _));
    }
}
