using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Slack;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>
/// The app (<see cref="SlackJitHarness"/>) with the test handlers registered next to its own, all reporting to
/// <see cref="Probe"/>: the Slack transport as the app maps and guards it.
/// </summary>
internal sealed class SlackTestApp : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";

    private SlackTestApp(SlackJitHarness app, HandlerProbe probe)
    {
        App = app;
        Probe = probe;
        // The test server's own client: it streams request bodies (the factory's client buffers them to follow redirects).
        Client = app.Factory.Server.CreateClient();
    }

    public SlackJitHarness App { get; }
    public HandlerProbe Probe { get; }
    public FakeTimeProvider Time => App.Time;
    public HttpClient Client { get; }
    public SlackRequestSigner Signer => App.Signer;
    public FakeLogCollector Logs => App.Logs!.Collector;

    /// <param name="secret">The signing secret; an empty one is let past start-up's checks to test the transport's own.</param>
    public static async Task<SlackTestApp> StartAsync(string secret = Secret, int maxBodyBytes = 64 * 1024)
    {
        var probe = new HandlerProbe();
        var app = await SlackJitHarness.StartAsync(options =>
        {
            options.CaptureLogsAt = LogLevel.Trace;
            options.Settings["Slack:SigningSecret"] = secret;
            options.Settings["Slack:MaxBodyBytes"] = maxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            options.Services = services =>
            {
                services.AddTestSlackHandlers(probe);
                if (secret.Length == 0)
                {
                    services.RemoveAll<IValidateOptions<SlackOptions>>();
                }
            };
        });
        return new SlackTestApp(app, probe);
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        return App.DisposeAsync();
    }
}
