using SlackJit.Lifecycle;

namespace SlackJit.Tests.Lifecycle;

/// <summary>The DM clean-up's back-off and delete fall-back settings (<c>Lifecycle:DmCleanup*</c>).</summary>
public sealed class DmCleanupOptionsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1_000, 60)]
    public void DmCleanupDelay_Failures_DoublesFromOneMinuteUpToOneHour(int failures, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), new LifecycleOptions().DmCleanupDelay(failures));
    }

    [Fact]
    public void Validate_DmCleanupKeysOutOfRange_NamesEachKey()
    {
        var options = new LifecycleOptions
        {
            DmCleanupRetryDelay = TimeSpan.Zero,
            DmCleanupRetryMaxDelay = TimeSpan.FromDays(2),
            DmCleanupEditsBeforeDelete = 0,
        };

        var failures = new LifecycleOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Lifecycle:DmCleanupRetryDelay must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Lifecycle:DmCleanupRetryMaxDelay must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Lifecycle:DmCleanupEditsBeforeDelete must be", StringComparison.Ordinal));
    }
}
