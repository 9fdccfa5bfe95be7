using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Reliability.Faults;

/// <summary>
/// The whole app (<see cref="SlackJitHarness"/>, real approval cards) with the sweeper's timer off so a test sweeps
/// when it means to, and every log line captured.
/// </summary>
internal sealed class FaultApp : IAsyncDisposable
{
    private FaultApp(SlackJitHarness harness) => Harness = harness;

    public SlackJitHarness Harness { get; }
    public FakeLoggerProvider Logs => Harness.Logs!;
    public FakeSlackApi Slack => Harness.Slack;
    public static CancellationToken Ct => CancellationToken.None;
    public static string DmChannel => FakeSlackApi.DmChannelFor(SlackJitHarness.Requester);

    public static async Task<FaultApp> StartAsync(Action<HarnessOptions>? configure = null)
    {
        var harness = await SlackJitHarness.StartAsync(options =>
        {
            options.ManualSweeps = true;
            options.CaptureLogsAt = LogLevel.Debug;
            configure?.Invoke(options);
        });
        return new FaultApp(harness);
    }

    public Task<int> SweepAsync() => Harness.SweepAsync(Ct);

    public Task<(HttpStatusCode Status, string Body)> ReadyzAsync() => Harness.ReadyzAsync();

    /// <summary>The one request the requester has, once it exists.</summary>
    public Task<AccessRequest> OnlyRequestAsync() =>
        Harness.WaitForAsync(async () =>
            (await Harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, Ct)).SingleOrDefault(), "the request");

    public IReadOnlyList<FakeLogRecord> LogsAt(LogLevel level) => [.. Logs.Collector.GetSnapshot().Where(r => r.Level == level)];

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
