using SlackJit.Access;
using SlackJit.Audit;
using SlackJit.Aws;
using SlackJit.Cards;
using SlackJit.Grants;
using SlackJit.Home;
using SlackJit.Hosting;
using SlackJit.Lifecycle;
using SlackJit.Requests;
using SlackJit.Slack;
using SlackJit.Storage;
using SlackJit.Telemetry;

// `audit export|report` reads the store and exits: no web host, no Slack settings needed.
if (AuditCommandLine.IsAudit(args))
{
    return await AuditCommandLine.RunAsync(args, CancellationToken.None);
}

// The container's HEALTHCHECK: ask the running app's /healthz and exit (no web host is built).
if (HealthCheckCommand.IsRequested(args))
{
    return await HealthCheckCommand.RunAsync(Environment.GetEnvironmentVariable);
}

// A missing or bad setting stops the app with one line per key, never a stack trace.
return await Program.CreateApp(args).RunOrExplainAsync();

/// <summary>The app's composition; also the entry point marker for WebApplicationFactory.</summary>
public partial class Program
{
    /// <summary>
    /// Builds SlackJit from command-line <paramref name="args"/> (plus appsettings and the environment).
    /// <paramref name="configure"/> runs after SlackJit's own registrations, for a host that embeds the app
    /// (the playground gives it its clock); production passes none.
    /// </summary>
    public static WebApplication CreateApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // The catalog and the rules around it; validated at start-up so a bad catalog never serves.
        builder.AddAccess();

        // Where requests live: SQLite embedded by default, DynamoDB for many replicas.
        builder.AddStore();

        // Metrics and traces (the store's transitions are counted as they land); exported only when
        // OTEL_EXPORTER_OTLP_ENDPOINT or Telemetry:Prometheus:Port is set.
        builder.AddTelemetry();

        // Health and readiness (/healthz, /readyz) and the warnings other areas raise there.
        builder.AddHosting();

        // Before serving: the store answers and is shaped for SlackJit, or start-up stops with one line saying what to fix.
        builder.AddStartupChecks();

        // Slack in (signed HTTP endpoints, Socket Mode) and out (the Web API client).
        builder.AddSlack();

        // STS credentials and console links for approved requests.
        builder.AddAws();

        // What runs after the ack: the typed work queue, and the sweeper that makes a crash lose nothing.
        builder.AddLifecycle();

        // The approval card in the approvers' channel: built, posted, kept in step with the request.
        builder.AddCards();

        // The requester's and the approvers' side: /s3-access, the form, Approve/Deny/Cancel, Pending requests.
        builder.AddRequests();

        // Issuing, renewing and ending grants: Approved, Issuing and Active requests, the DM and its buttons.
        builder.AddGrants();

        // The App Home tab: the person's requests and, for approvers, what waits for them; kept in step as requests change.
        builder.AddHome();

        // The compliance report posted on a schedule, when Audit:ReportChannel is set.
        builder.AddAudit();

        configure?.Invoke(builder);
        var app = builder.Build();

        app.MapHealth();
        app.MapSlack();
        return app;
    }
}
