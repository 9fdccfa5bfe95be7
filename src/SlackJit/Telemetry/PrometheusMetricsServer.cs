using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace SlackJit.Telemetry;

/// <summary>
/// Serves <c>/metrics</c> from a second, minimal Kestrel server on <c>Telemetry:Prometheus:Port</c>. The app's own
/// server (the port Slack reaches) never maps it, so metrics cannot leak through the public endpoint, and the
/// scrape endpoint answers nothing but <c>/metrics</c>.
/// </summary>
/// <param name="metrics">Taken so the instruments exist from the first scrape, before any request.</param>
internal sealed class PrometheusMetricsServer(MeterProvider meterProvider, SlackJitMetrics metrics, IOptions<TelemetryOptions> options)
    : IHostedService, IAsyncDisposable
{
    private readonly SlackJitMetrics _metrics = metrics;

    private WebApplication? _server;

    /// <summary>The address the server listens on, once started (for tests and logs).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var prometheus = options.Value.Prometheus;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            var port = prometheus.Port!.Value;
            switch (prometheus.Host)
            {
                case "*" or "+" or "0.0.0.0":
                    kestrel.ListenAnyIP(port);
                    break;
                case "localhost":
                    kestrel.ListenLocalhost(port);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(prometheus.Host), port);
                    break;
            }
        });
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider, predicate: null, path: PrometheusOptions.DefaultPath, configureBranchedPipeline: null, optionsName: null);
        await _server.StartAsync(cancellationToken);
        var bound = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
