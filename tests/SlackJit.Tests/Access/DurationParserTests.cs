using SlackJit.Access;

namespace SlackJit.Tests.Access;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("30m", 30)]
    [InlineData("2h", 120)]
    [InlineData("1h30m", 90)]
    [InlineData("90m", 90)]
    [InlineData("2H", 120)]
    [InlineData("1H15M", 75)]
    [InlineData("15min", 15)]
    [InlineData("2hrs", 120)]
    [InlineData("1hour", 60)]
    [InlineData("3hours", 180)]
    [InlineData("1h0m", 60)]
    [InlineData("012h", 720)]
    public void TryParse_ValidDuration_ReturnsMinutes(string text, int minutes)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0m")]
    [InlineData("0h")]
    [InlineData("0h0m")]
    [InlineData("h")]
    [InlineData("m")]
    [InlineData("30")]
    [InlineData("2d")]
    [InlineData("1.5h")]
    [InlineData("-1h")]
    [InlineData("1h90m")]
    [InlineData("30m1h")]
    [InlineData("2 h")]
    [InlineData(" 2h")]
    [InlineData("9999999h")]
    [InlineData("99999999999999999999m")]
    [InlineData("9000h")]
    [InlineData("INC-4211")]
    [InlineData("２h")]
    [InlineData("1h30m15s")]
    public void TryParse_NotADuration_ReturnsFalse(string? text)
    {
        Assert.False(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData(15, "15m")]
    [InlineData(60, "1h")]
    [InlineData(90, "1h30m")]
    [InlineData(720, "12h")]
    public void Format_Duration_IsShortForm(int minutes, string expected)
    {
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(75)]
    [InlineData(719)]
    public void Format_ThenTryParse_RoundTrips(int minutes)
    {
        var duration = TimeSpan.FromMinutes(minutes);

        Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var parsed));
        Assert.Equal(duration, parsed);
    }
}
