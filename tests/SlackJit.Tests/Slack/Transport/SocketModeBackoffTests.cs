using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SocketModeBackoffTests
{
    private static readonly SocketModeBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData(0, 0.5, 1)]
    [InlineData(1, 1.0, 2)]
    [InlineData(3, 1.0, 8)]
    [InlineData(20, 1.0, 60)]
    [InlineData(int.MaxValue, 1.0, 60)]
    public void Delay_Attempt_DoublesUpToMax(int attempt, double sampleBelow, int ceilingSeconds)
    {
        var delay = Backoff.Delay(attempt, sampleBelow - 1e-9);

        Assert.InRange(delay, TimeSpan.FromSeconds(ceilingSeconds / 2.0), TimeSpan.FromSeconds(ceilingSeconds));
    }

    [Fact]
    public void Delay_Sample_SpreadsOverUpperHalf()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Backoff.Delay(3, 0));
        Assert.True(Backoff.Delay(3, 0.999) > TimeSpan.FromSeconds(7.9));
    }
}
