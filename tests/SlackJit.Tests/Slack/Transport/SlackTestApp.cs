using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Slack;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>A minimal in-memory host with only the Slack transport and the test handlers.</summary>
internal sealed class SlackTestApp : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";

    private readonly WebApplication _app;

    private SlackTestApp(WebApplication app, HandlerProbe probe, FakeTimeProvider time)
    {
        _app = app;
        Probe = probe;
        Time = time;
        Client = app.GetTestClient();
    }

    public HandlerProbe Probe { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Client { get; }
    public SlackRequestSigner Signer => new(Secret, Time);
    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<SlackTestApp> StartAsync(string secret = Secret, int maxBodyBytes = 64 * 1024)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddFakeLogging();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        var probe = new HandlerProbe();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.Configure<SlackOptions>(o =>
        {
            o.SigningSecret = secret;
            o.MaxBodyBytes = maxBodyBytes;
        });
        builder.Services.AddTestSlackHandlers(probe);

        var app = builder.Build();
        app.MapSlackTransport();
        await app.StartAsync();
        return new SlackTestApp(app, probe, time);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
