using SlackJit.Storage;

namespace SlackJit.Hosting;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));

        // Readiness: the store answers. A load balancer stops sending Slack traffic while it does not.
        // Warnings (see ReadinessWarnings) are appended without changing the status: the app can still serve.
        app.MapGet("/readyz", async (StoreReadiness readiness, ReadinessWarnings readinessWarnings, CancellationToken cancellationToken) =>
        {
            var result = await readiness.CheckAsync(cancellationToken);
            var warnings = readinessWarnings.Current;
            var suffix = string.Concat(warnings.Select(w => "; warning: " + w));
            return result.IsReady
                ? Results.Text("ready" + suffix)
                : Results.Text("not ready: " + result.Reason + suffix, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
