using SlackJit.Storage;

namespace SlackJit.Hosting;

internal static class HealthEndpoints
{
    public const string Ready = "ready";
    public const string NotReady = "not ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));

        // Readiness: the store answers. A load balancer stops sending Slack traffic while it does not. The body says
        // only that; the reason and any warnings (see ReadinessWarnings) go to the log, which only operators read.
        app.MapGet("/readyz", async (StoreReadiness readiness, ReadinessWarnings readinessWarnings, ReadinessReport report, CancellationToken cancellationToken) =>
        {
            var result = await readiness.CheckAsync(cancellationToken);
            report.Observe(result, readinessWarnings.Current);
            return result.IsReady
                ? Results.Text(Ready)
                : Results.Text(NotReady, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
