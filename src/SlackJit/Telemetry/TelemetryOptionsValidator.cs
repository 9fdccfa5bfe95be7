using Microsoft.Extensions.Options;

namespace SlackJit.Telemetry;

/// <summary>Checks the <c>Telemetry</c> section at start-up; one line naming the key.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var prometheus = options.Prometheus;
        if (prometheus.Port is { } port && (port < PrometheusOptions.MinPort || port > PrometheusOptions.MaxPort))
        {
            return ValidateOptionsResult.Fail(
                $"{TelemetryOptions.SectionName}:Prometheus:Port must be between {PrometheusOptions.MinPort} and {PrometheusOptions.MaxPort}, not {port}; remove it to serve no /metrics.");
        }
        if (prometheus.Host is not ("*" or "+" or "localhost") && !System.Net.IPAddress.TryParse(prometheus.Host, out _))
        {
            return ValidateOptionsResult.Fail(
                $"{TelemetryOptions.SectionName}:Prometheus:Host '{prometheus.Host}' is not a host name: use * (every interface), localhost or an IP address, or remove it to use {PrometheusOptions.DefaultHost}.");
        }
        return ValidateOptionsResult.Success;
    }
}
