using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Slack.Api;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Slack.Api;

/// <summary>
/// The app's own Slack client and pipeline (<c>AddSlackApi</c>, as Program wires it) in a <see cref="SlackJitHarness"/>,
/// pointed at its <see cref="FakeSlackApi"/>, with short back-offs and every log line captured.
/// </summary>
internal sealed class SlackApiHarness : IAsyncDisposable
{
    private SlackApiHarness(SlackJitHarness app) => App = app;

    public SlackJitHarness App { get; }

    public FakeSlackApi Fake => App.Slack;

    public ISlackApi Api => App.Services.GetRequiredService<ISlackApi>();

    public IServiceProvider Services => App.Services;

    public FakeLogCollector Logs => App.Logs!.Collector;

    /// <summary>Short back-offs so tests stay fast; the Retry-After floor is never shortened.</summary>
    public static async Task<SlackApiHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null) =>
        new(await SlackJitHarness.StartAsync(options =>
        {
            options.CaptureLogsAt = LogLevel.Trace;
            options.Settings["Slack:RequestTimeout"] = "00:00:05";
            options.Settings["Slack:Retry:BaseDelay"] = "00:00:00.020";
            configure?.Invoke(options.Settings);
        }));

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
