using SlackJit.Lifecycle;

namespace SlackJit.Tests.Lifecycle;

public sealed class LifecycleOptionsTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(10, 600)]
    public void RetryDelay_Attempts_DoublesUpToTheMaximum(int attempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), new LifecycleOptions().RetryDelay(attempts));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new LifecycleOptionsValidator().Validate(null, new LifecycleOptions()).Succeeded);
    }

    [Fact]
    public void Validate_OutOfRange_NamesEachKey()
    {
        var options = new LifecycleOptions { SweepPageSize = 0, MaxIssueAttempts = 0, IssueLease = TimeSpan.FromSeconds(1), SweepInterval = TimeSpan.Zero };

        var failures = new LifecycleOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Lifecycle:SweepPageSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Lifecycle:MaxIssueAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Lifecycle:IssueLease", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Lifecycle:SweepInterval", StringComparison.Ordinal));
    }
}
