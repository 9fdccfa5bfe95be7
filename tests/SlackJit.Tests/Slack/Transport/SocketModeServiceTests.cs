using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SlackJit.Slack.Transport;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>The app in Socket Mode (<see cref="HarnessOptions.SocketMode"/>) with the test handlers; the test plays Slack's side of the socket.</summary>
public sealed class SocketModeServiceTests : IAsyncLifetime
{
    private const string OpenMethod = "apps.connections.open";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly HandlerProbe _probe = new();
    private SlackJitHarness _app = null!;

    public async Task InitializeAsync() =>
        _app = await SlackJitHarness.StartAsync(options =>
        {
            options.SocketMode = true;
            options.CaptureLogsAt = LogLevel.Debug;
            options.Services = services =>
            {
                services.AddTestSlackHandlers(_probe);
                // Reconnecting waits out a short back-off on the real clock: nothing here moves the harness's clock.
                services.AddSingleton(TimeProvider.System);
                services.Replace(ServiceDescriptor.Singleton(new SocketModeBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100))));
            };
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private FakeSlackSocketServer Sockets => _app.SocketServer!;

    private int OpenCalls => _app.Slack.Calls(OpenMethod).Count;

    private FakeLogCollector Logs => _app.Logs!.Collector;

    private SocketModeService Service => _app.Services.GetServices<IHostedService>().OfType<SocketModeService>().Single();

    [Fact]
    public async Task Envelope_SlashCommandInFragments_AckWithPayloadWithin3s()
    {
        var connection = await Sockets.NextConnectionAsync(Wait);
        await connection.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"test"}}""");
        var envelope = new JsonObject
        {
            ["envelope_id"] = "env-1",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["token"] = "ignored",
                ["team_id"] = "T1",
                ["channel_id"] = "C1",
                ["user_id"] = "U1",
                ["user_name"] = "ignored",
                ["command"] = TestCommandHandler.Name,
                ["text"] = "bucket/prefix 2h why",
                ["response_url"] = "https://hooks.slack.test/x",
                ["trigger_id"] = "1.2.3",
                ["api_app_id"] = "A0APP",
            },
        }.ToJsonString();

        var clock = Stopwatch.StartNew();
        await connection.SendFragmentedAsync(envelope, pieces: 3);
        var ack = JsonNode.Parse(await connection.ReceiveAsync(TimeSpan.FromSeconds(3)))!;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Equal("env-1", (string?)ack["envelope_id"]);
        Assert.Equal("got /jit-test bucket/prefix 2h why", (string?)ack["payload"]!["text"]);
        Assert.Equal("ephemeral", (string?)ack["payload"]!["response_type"]);
        var command = Assert.Single(_probe.Commands);
        Assert.Equal(("T1", "U1", "C1", "1.2.3"), (command.TeamId, command.UserId, command.ChannelId, command.TriggerId));
        // The emulator answers apps.connections.open only to the app-level token.
        Assert.True(Assert.Single(_app.Slack.Calls(OpenMethod)).Ok);
    }

    [Fact]
    public async Task Envelope_InteractiveNotAcceptingPayload_AckHasOnlyEnvelopeId()
    {
        var connection = await Sockets.NextConnectionAsync(Wait);
        await connection.SendAsync("""{"type":"hello"}""");
        _probe.OnAction = (_, _) => Task.FromResult(SlackResponse.Ephemeral("ignored by Slack for block actions"));
        var envelope = new JsonObject
        {
            ["envelope_id"] = "env-2",
            ["type"] = "interactive",
            ["accepts_response_payload"] = false,
            ["payload"] = SlackRequestSigner.BlockActions(TestActionHandler.Id, value: "R-1"),
        };

        await connection.SendAsync(envelope.ToJsonString());
        var ack = await connection.ReceiveAsync(TimeSpan.FromSeconds(3));

        Assert.Equal("""{"envelope_id":"env-2"}""", ack);
        Assert.Equal("R-1", Assert.Single(_probe.Actions).Action.Value);
    }

    [Fact]
    public async Task Envelope_EventsApiAndBadPayloads_StillAcked()
    {
        var connection = await Sockets.NextConnectionAsync(Wait);

        await connection.SendAsync("""{"envelope_id":"env-3","type":"events_api","payload":{"event":{"type":"app_mention"}}}""");
        await connection.SendAsync("""{"envelope_id":"env-4","type":"interactive","accepts_response_payload":true,"payload":{"type":"block_actions"}}""");
        await connection.SendAsync("""{"envelope_id":"env-5","type":"slash_commands","accepts_response_payload":true,"payload":{"text":"no command"}}""");
        var acks = new[]
        {
            await connection.ReceiveAsync(TimeSpan.FromSeconds(3)),
            await connection.ReceiveAsync(TimeSpan.FromSeconds(3)),
            await connection.ReceiveAsync(TimeSpan.FromSeconds(3)),
        };

        Assert.Equal(
            ["""{"envelope_id":"env-3"}""", """{"envelope_id":"env-4"}""", """{"envelope_id":"env-5"}"""],
            acks.Order(StringComparer.Ordinal));
        Assert.Empty(_probe.Commands);
    }

    [Fact]
    public async Task Disconnect_RefreshRequested_ReconnectsWithFreshUrl()
    {
        var first = await Sockets.NextConnectionAsync(Wait);
        await first.SendAsync("""{"type":"hello"}""");

        await first.SendAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"test"}}""");
        var second = await Sockets.NextConnectionAsync(Wait);
        await second.SendAsync("""{"envelope_id":"env-6","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/jit-test","user_id":"U1","team_id":"T1"}}""");

        Assert.Equal(2, OpenCalls);
        Assert.Equal("env-6", (string?)JsonNode.Parse(await second.ReceiveAsync(TimeSpan.FromSeconds(3)))!["envelope_id"]);
    }

    [Fact]
    public async Task ServerDrop_Reconnects()
    {
        var first = await Sockets.NextConnectionAsync(Wait);
        await first.SendAsync("""{"type":"hello"}""");

        first.Abort();
        var second = await Sockets.NextConnectionAsync(Wait);

        Assert.NotNull(second);
        Assert.Equal(2, OpenCalls);
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 2157);
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_StopsWithClearLog()
    {
        var connection = await Sockets.NextConnectionAsync(Wait);

        await connection.SendAsync("""{"type":"disconnect","reason":"link_disabled"}""");
        await Service.ExecuteTask!.WaitAsync(Wait);

        Assert.Equal(1, OpenCalls);
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 2156 && r.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task Stop_WhileConnected_EndsPromptly()
    {
        await Sockets.NextConnectionAsync(Wait);
        var service = Service;

        await _app.Services.GetRequiredService<IHost>().StopAsync().WaitAsync(Wait);

        Assert.True(service.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task NoSecretsInLogs_AfterRefusalsAndReconnects()
    {
        // The first connection is already up; make the next two opens fail, then succeed again.
        var first = await Sockets.NextConnectionAsync(Wait);
        _app.Slack.Inject(OpenMethod, SlackFault.Error("invalid_auth"), times: 2);
        first.Abort();

        await Sockets.NextConnectionAsync(Wait);

        Assert.Equal(4, OpenCalls);
        var logs = Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 2151 && r.Message.Contains("invalid_auth", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Id.Id == 2158);
        Assert.All(logs, r =>
        {
            var text = r.Message + r.Exception + string.Join(',', r.StructuredState?.Select(kv => kv.Value) ?? []);
            Assert.DoesNotContain(_app.Slack.AppToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeSlackSocketServer.Ticket, text, StringComparison.Ordinal);
        });
    }
}
