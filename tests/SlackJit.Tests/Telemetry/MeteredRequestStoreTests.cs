using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Storage.Sqlite;
using SlackJit.Access;
using SlackJit.Telemetry;
using SlackJit.Tests.Audit;

namespace SlackJit.Tests.Telemetry;

/// <summary>The audit scenario written through the metered store: each landed transition moves exactly its metric.</summary>
public sealed class MeteredRequestStoreTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slackjit-metered-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<SlackJitMetrics>().BuildServiceProvider();
    private MeteredRequestStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new MeteredRequestStore(
            new SqliteAccessRequestStore(Path.Combine(_dir, "m.db"), NullLogger<SqliteAccessRequestStore>.Instance),
            _services.GetRequiredService<SlackJitMetrics>());
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private MetricCollector<T> Collect<T>(string name)
        where T : struct => new(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SlackJitTelemetry.Name, name);

    private static Dictionary<string, long> CountBy(MetricCollector<long> collector, string tag) =>
        collector.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags[tag]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    [Fact]
    public async Task Scenario_EveryLandedTransition_MovesItsMetric()
    {
        using var decisions = Collect<long>("slackjit.decisions");
        using var waited = Collect<double>("slackjit.time_to_decision");
        using var issued = Collect<long>("slackjit.grants.issued");
        using var clickToCredentials = Collect<double>("slackjit.click_to_credentials");
        using var ended = Collect<long>("slackjit.grants.ended");
        using var failures = Collect<long>("slackjit.issue.failures");

        await AuditScenario.SeedAsync(_store, CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { ["approved"] = 4, ["denied"] = 1, ["timed_out"] = 1, ["cancelled"] = 1 }, CountBy(decisions, "decision"));
        Assert.Equal([240.0, 600, 120, 3600, 360, 1200, 60],
            waited.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal(3, issued.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal([3.0, 2, 4], clickToCredentials.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal(new Dictionary<string, long> { ["expired"] = 1, ["done"] = 1, ["revoked"] = 1 }, CountBy(ended, "how"));
        Assert.Equal(new Dictionary<string, long> { ["AccessDenied"] = 1 }, CountBy(failures, "kind"));
    }

    [Fact]
    public async Task Apply_LostRace_CountsNothing()
    {
        using var decisions = Collect<long>("slackjit.decisions");
        var request = await AuditScenario.CreateAsync(_store, Guid.NewGuid(), AuditScenario.Alice,
            new ResourceRef("analytics", "analytics-prod", ""), "r", AuditScenario.From, CancellationToken.None);
        var first = Transitions.Approve(request, AuditScenario.Bob, AuditScenario.From.AddMinutes(1)).Transition!;
        var second = Transitions.Deny(request, AuditScenario.Dave, null, AuditScenario.From.AddMinutes(1)).Transition!;

        Assert.True((await _store.ApplyAsync(first, CancellationToken.None)).Applied);
        Assert.False((await _store.ApplyAsync(second, CancellationToken.None)).Applied);

        Assert.Equal("approved", (string)Assert.Single(decisions.GetMeasurementSnapshot()).Tags["decision"]!);
    }

    [Theory]
    [InlineData("AccessDenied: the role refused", "AccessDenied")]
    [InlineData("Slack:not_in_channel: Slack chat.update failed", "Slack:not_in_channel")]
    [InlineData("Throttling", "Throttling")]
    [InlineData(null, "unknown")]
    [InlineData("a message with spaces and no code", "other")]
    public void Kind_FailureDetail_TheLeadingCodeOnly(string? detail, string expected)
    {
        Assert.Equal(expected, TransitionMetrics.Kind(detail));
    }
}
