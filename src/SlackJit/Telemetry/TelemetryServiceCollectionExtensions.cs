using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SlackJit.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable that names an OTLP collector; its presence switches OTLP export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceName = "slackjit";

    /// <summary>
    /// Registers the instruments always (recording with no listener is almost free) and the OpenTelemetry SDK only
    /// when something exports: OTLP when <see cref="OtlpEndpointKey"/> is set, Prometheus when
    /// <c>Telemetry:Prometheus:Port</c> is set. Unconfigured, no exporter, listener or buffer is created.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<SlackJitMetrics>();
        DecorateStore(services);

        bool otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var prometheusOptions = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()?.Prometheus ?? new();
        bool prometheus = prometheusOptions.Port is >= PrometheusOptions.MinPort and <= PrometheusOptions.MaxPort;
        if (!otlp && !prometheus)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SlackJitTelemetry.Name);
                if (prometheus)
                {
                    // Served by PrometheusMetricsServer on its own port, never by the app's own server.
                    metrics.AddPrometheusExporter();
                }
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (prometheus)
        {
            services.AddSingleton<PrometheusMetricsServer>();
            services.AddHostedService(sp => sp.GetRequiredService<PrometheusMetricsServer>());
        }
        if (otlp)
        {
            // Spans are only worth recording when they leave the process.
            telemetry.WithTracing(tracing => tracing.AddSlackJitSpans(builder.Configuration).AddOtlpExporter());
        }
        return builder;
    }

    /// <summary>
    /// SlackJit's spans, all of them kept unless <c>OTEL_TRACES_SAMPLER</c> says otherwise. ASP.NET Core starts an
    /// unsampled placeholder activity for every request (for the trace id in logs); with the default parent-based
    /// sampler the ack span and all under it would be dropped because of it.
    /// </summary>
    public static TracerProviderBuilder AddSlackJitSpans(this TracerProviderBuilder tracing, IConfiguration configuration)
    {
        tracing.AddSource(SlackJitTelemetry.Name);
        if (string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]))
        {
            tracing.SetSampler(new AlwaysOnSampler());
        }
        return tracing;
    }

    /// <summary>
    /// Wraps the store registered by <c>AddStore</c> so every transition that lands is counted (see
    /// <see cref="MeteredRequestStore"/>). Call after <c>AddStore</c>.
    /// </summary>
    private static void DecorateStore(IServiceCollection services)
    {
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(Storage.IAccessRequestStore))
        {
            index--;
        }
        if (index < 0)
        {
            throw new InvalidOperationException("AddTelemetry must come after AddStore: there is no request store to measure.");
        }
        var original = services[index];
        services[index] = ServiceDescriptor.Singleton<Storage.IAccessRequestStore>(sp => new MeteredRequestStore(
            original switch
            {
                { ImplementationInstance: Storage.IAccessRequestStore instance } => instance,
                { ImplementationFactory: { } factory } => (Storage.IAccessRequestStore)factory(sp),
                _ => (Storage.IAccessRequestStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!),
            },
            sp.GetRequiredService<SlackJitMetrics>()));
    }
}
