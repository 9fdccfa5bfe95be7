using System.Net;
using SlackJit.Tests.Hosting;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Telemetry;

/// <summary>The scrape endpoint as an operator runs it: a real process with a real main port and a metrics port.</summary>
public sealed class PrometheusEndpointProcessTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("slackjit-metrics-").FullName;

    [Fact]
    public async Task Metrics_PortSet_ServedOnItsOwnPortAndNotOnThePortSlackReaches()
    {
        int mainPort = LoopbackPorts.Free(), metricsPort = LoopbackPorts.Free();
        var settings = AppProcess.RequiredSettings(mainPort);
        settings["Telemetry__Prometheus__Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = AppProcess.Start(_workDir, settings);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            Assert.True(await AppProcess.WaitUntilReadyAsync(process, $"http://127.0.0.1:{mainPort}/readyz"), "the app did not become ready");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

            var onMain = await http.GetAsync($"http://127.0.0.1:{mainPort}/metrics");
            var onMetrics = await http.GetAsync($"http://127.0.0.1:{metricsPort}/metrics");

            Assert.Equal(HttpStatusCode.NotFound, onMain.StatusCode);
            Assert.Equal(HttpStatusCode.OK, onMetrics.StatusCode);
            var text = await onMetrics.Content.ReadAsStringAsync();
            // The gauges are observed at every scrape, so they are there before any request.
            Assert.Contains("slackjit_queue_depth", text, StringComparison.Ordinal);
            Assert.Contains("slackjit_sweeper_lag_seconds", text, StringComparison.Ordinal);
            Assert.DoesNotContain("process-test-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("xoxb-", text, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
