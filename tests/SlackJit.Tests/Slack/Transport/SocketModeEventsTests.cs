using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlackJit.Slack;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>Socket Mode carries Events API events to the same dispatcher as <c>POST /slack/events</c>.</summary>
public sealed class SocketModeEventsTests : IDisposable
{
    private readonly IHost _host;
    private readonly RecordingEventHandler _events = new();

    public SocketModeEventsTests()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTestSlackHandlers(new HandlerProbe());
        builder.Services.AddSingleton<ISlackEventHandler>(_events);
        _host = builder.Build();
    }

    public void Dispose() => _host.Dispose();

    private async Task<string> AckAsync(string envelope)
    {
        Assert.True(SocketModeMessage.TryParse(Encoding.UTF8.GetBytes(envelope), out var message));
        var ack = await _host.Services.GetRequiredService<SocketModeEnvelopeProcessor>().AckAsync(message, CancellationToken.None);
        return Encoding.UTF8.GetString(ack);
    }

    [Fact]
    public async Task EventsApiEnvelope_AppHomeOpened_DispatchedAndAckedWithoutPayload()
    {
        var ack = await AckAsync("""
            {"envelope_id":"env-9","type":"events_api","accepts_response_payload":false,"retry_attempt":0,"retry_reason":"",
             "payload":{"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev9","event_time":1,
                        "event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","event_ts":"1.2"}}}
            """);

        Assert.Equal("""{"envelope_id":"env-9"}""", ack);
        Assert.Equal(new SlackEvent("app_home_opened", "U1", "home", "T1", "A1", "Ev9"), Assert.Single(_events.Received));
    }

    [Fact]
    public async Task EventsApiEnvelope_FromAnotherWorkspace_AckedButNotDispatched()
    {
        _host.Services.GetRequiredService<SlackJit.Slack.SlackWorkspace>().Remember(new SlackJit.Slack.Api.SlackAuthInfo("T0OWN", "Own", "U0BOT", "B0BOT", "A0OWN"));

        var ack = await AckAsync("""
            {"envelope_id":"env-10","type":"events_api","payload":{"team_id":"T0ELSE","api_app_id":"A0OWN","type":"event_callback",
             "event":{"type":"app_home_opened","user":"U1","tab":"home"}}}
            """);

        Assert.Equal("""{"envelope_id":"env-10"}""", ack);
        Assert.Empty(_events.Received);
    }

    [Fact]
    public async Task EventsApiEnvelope_UnknownEventOrBadPayload_AckedNothingDispatched()
    {
        var unknown = await AckAsync("""{"envelope_id":"e1","type":"events_api","payload":{"type":"event_callback","event":{"type":"reaction_added"}}}""");
        var bad = await AckAsync("""{"envelope_id":"e2","type":"events_api","payload":{"type":"event_callback"}}""");

        Assert.Equal("""{"envelope_id":"e1"}""", unknown);
        Assert.Equal("""{"envelope_id":"e2"}""", bad);
        Assert.Empty(_events.Received);
    }

    internal sealed class RecordingEventHandler : ISlackEventHandler
    {
        public ConcurrentQueue<SlackEvent> Received { get; } = new();

        public string EventType => SlackEvent.AppHomeOpened;

        public Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
        {
            Received.Enqueue(slackEvent);
            return Task.CompletedTask;
        }
    }
}
