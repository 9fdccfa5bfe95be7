using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SlackJit.Telemetry;

namespace SlackJit.Tests.Telemetry;

public sealed class SlackJitMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<SlackJitMetrics>().BuildServiceProvider();

    private SlackJitMetrics Metrics => _services.GetRequiredService<SlackJitMetrics>();

    private MetricCollector<T> Collect<T>(string name)
        where T : struct => new(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SlackJitTelemetry.Name, name);

    [Fact]
    public void RequestReceived_TagsResourceAndOutcome()
    {
        using var requests = Collect<long>("slackjit.requests");

        Metrics.RequestReceived("finance", "created");

        var m = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal(1, m.Value);
        Assert.Equal("finance", m.Tags["resource"]);
        Assert.Equal("created", m.Tags["outcome"]);
    }

    [Fact]
    public void Decided_CountsAndRecordsSecondsWaited()
    {
        using var decisions = Collect<long>("slackjit.decisions");
        using var waited = Collect<double>("slackjit.time_to_decision");

        Metrics.Decided("approved", TimeSpan.FromMinutes(3));

        Assert.Equal("approved", Assert.Single(decisions.GetMeasurementSnapshot()).Tags["decision"]);
        Assert.Equal(180, Assert.Single(waited.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void GrantIssued_Renewal_CountsWithoutAClickToCredentialsSample()
    {
        using var issued = Collect<long>("slackjit.grants.issued");
        using var latency = Collect<double>("slackjit.click_to_credentials");

        Metrics.GrantIssued(TimeSpan.FromSeconds(2.5));
        Metrics.GrantIssued(sinceApproval: null);

        Assert.Equal(2, issued.GetMeasurementSnapshot().Count);
        Assert.Equal(2.5, Assert.Single(latency.GetMeasurementSnapshot()).Value);
    }

    [Theory]
    [InlineData(GrantEndHow.Expired)]
    [InlineData(GrantEndHow.Done)]
    [InlineData(GrantEndHow.Revoked)]
    public void GrantEnded_TagsHow(string how)
    {
        using var ended = Collect<long>("slackjit.grants.ended");

        Metrics.GrantEnded(how);

        Assert.Equal(how, Assert.Single(ended.GetMeasurementSnapshot()).Tags["how"]);
    }

    [Fact]
    public void IssueFailed_TagsKind()
    {
        using var failures = Collect<long>("slackjit.issue.failures");

        Metrics.IssueFailed("AccessDenied");

        Assert.Equal("AccessDenied", Assert.Single(failures.GetMeasurementSnapshot()).Tags["kind"]);
    }

    [Fact]
    public void CardFailed_TagsKind()
    {
        using var failures = Collect<long>("slackjit.card.failures");

        Metrics.CardFailed("not_in_channel");

        Assert.Equal("not_in_channel", Assert.Single(failures.GetMeasurementSnapshot()).Tags["kind"]);
    }

    [Fact]
    public void Gauges_ReportTheLastValuesSet()
    {
        using var depth = Collect<long>("slackjit.queue.depth");
        using var lag = Collect<double>("slackjit.sweeper.lag");

        Metrics.SetQueueDepth(7);
        Metrics.SetSweeperLag(TimeSpan.FromSeconds(42));
        depth.RecordObservableInstruments();
        lag.RecordObservableInstruments();

        Assert.Equal(7, depth.LastMeasurement!.Value);
        Assert.Equal(42, lag.LastMeasurement!.Value);
    }

    public void Dispose() => _services.Dispose();
}
