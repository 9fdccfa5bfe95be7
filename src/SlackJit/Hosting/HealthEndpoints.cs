using SlackJit.Storage;

namespace SlackJit.Hosting;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));

        // Readiness: the store answers. A load balancer stops sending Slack traffic while it does not.
        app.MapGet("/readyz", async (StoreReadiness readiness, CancellationToken cancellationToken) =>
        {
            var result = await readiness.CheckAsync(cancellationToken);
            return result.IsReady
                ? Results.Text("ready")
                : Results.Text("not ready: " + result.Reason, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
