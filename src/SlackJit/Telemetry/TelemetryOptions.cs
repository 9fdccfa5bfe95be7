namespace SlackJit.Telemetry;

/// <summary>
/// The <c>Telemetry</c> section. OTLP export is switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (and the other <c>OTEL_*</c> variables), not here.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public PrometheusOptions Prometheus { get; set; } = new();
}

public sealed class PrometheusOptions
{
    public const string DefaultPath = "/metrics";
    public const int MinPort = 1;
    public const int MaxPort = 65535;
    public const string DefaultHost = "*";

    /// <summary>
    /// Port of the Prometheus scrape endpoint <c>/metrics</c>, served on its own listener and never on the port
    /// Slack reaches. Unset (default): no endpoint.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// Where the scrape endpoint listens: <c>*</c> (default: every interface, so Prometheus can reach it),
    /// <c>localhost</c>, or one IP address.
    /// </summary>
    public string Host { get; set; } = DefaultHost;
}
