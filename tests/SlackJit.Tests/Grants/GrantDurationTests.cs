using SlackJit.Grants;

namespace SlackJit.Tests.Grants;

public sealed class GrantDurationTests
{
    [Theory]
    [InlineData(120, 60, 60)]   // a long window: one max session now, renewals later
    [InlineData(30, 60, 30)]    // a short window: exactly the window
    [InlineData(45, 720, 45)]
    [InlineData(10, 60, 15)]    // issuing delayed to the window's last minutes: STS's 15-minute floor
    [InlineData(900, 900, 720)] // never past STS's 12 h
    public void For_RemainingAndMax_IsTheShorterButAtLeastFifteenMinutes(int remainingMinutes, int maxMinutes, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), GrantDuration.For(TimeSpan.FromMinutes(remainingMinutes), TimeSpan.FromMinutes(maxMinutes)));
    }

    [Fact]
    public void For_FractionalSeconds_RoundsDownSoTheWindowIsNotPassed()
    {
        Assert.Equal(TimeSpan.FromSeconds(1800), GrantDuration.For(TimeSpan.FromSeconds(1800.9), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(1, false)]
    [InlineData(0, false)]
    [InlineData(61, true)]
    public void CanRenew_WindowBeyondExpiry_OnlyWhenItAddsMoreThanAMinute(int windowPastExpirySeconds, bool expected)
    {
        var expiry = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, GrantDuration.CanRenew(expiry, expiry.AddSeconds(windowPastExpirySeconds)));
    }
}
