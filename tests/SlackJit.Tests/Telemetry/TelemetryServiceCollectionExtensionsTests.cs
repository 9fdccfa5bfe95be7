using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Tests.Telemetry;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    private static WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStore();
        builder.AddTelemetry();
        return builder;
    }

    [Fact]
    public void AddTelemetry_NothingConfigured_NoOpenTelemetrySdkRegistered()
    {
        var builder = Builder([]);

        using var services = builder.Services.BuildServiceProvider();
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<SlackJitMetrics>());
    }

    [Fact]
    public void AddTelemetry_OtlpEndpointSet_MetricsAndTracesExported()
    {
        var builder = Builder(new() { [TelemetryServiceCollectionExtensions.OtlpEndpointKey] = "http://127.0.0.1:9" });

        using var services = builder.Services.BuildServiceProvider();
        Assert.NotNull(services.GetService<MeterProvider>());
        Assert.NotNull(services.GetService<TracerProvider>());
    }

    [Fact]
    public void AddTelemetry_AfterAddStore_TheStoreIsMeteredAndStillInitializesAndReadsHistory()
    {
        var builder = Builder(new() { ["Store:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), "slackjit-unused-" + Guid.NewGuid().ToString("N") + ".db") });

        using var services = builder.Services.BuildServiceProvider();
        var store = Assert.IsType<MeteredRequestStore>(services.GetRequiredService<IAccessRequestStore>());
        Assert.IsType<SlackJit.Storage.Sqlite.SqliteAccessRequestStore>(store.Inner);
        Assert.Same(store, services.GetRequiredService<IRequestHistory>());
    }

    [Fact]
    public void AddTelemetry_BeforeAddStore_RefusedWithTheReason()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        var failure = Assert.Throws<InvalidOperationException>(() => builder.AddTelemetry());

        Assert.Contains("after AddStore", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "Telemetry:Prometheus:Port must be between 1 and 65535, not 0")]
    [InlineData("70000", "Telemetry:Prometheus:Port must be between 1 and 65535, not 70000")]
    public void Validate_PortOutOfRange_OneLineNamingTheKey(string port, string expected)
    {
        var failure = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { Prometheus = { Port = int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) } });

        Assert.True(failure.Failed);
        Assert.StartsWith(expected, Assert.Single(failure.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadHost_OneLineNamingTheKey()
    {
        var failure = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { Prometheus = { Port = 9464, Host = "http://x/" } });

        Assert.StartsWith("Telemetry:Prometheus:Host", Assert.Single(failure.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.Equal(ValidateOptionsResult.Success, new TelemetryOptionsValidator().Validate(null, new TelemetryOptions()));
    }
}
