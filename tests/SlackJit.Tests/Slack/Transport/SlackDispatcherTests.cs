using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SlackDispatcherTests : IDisposable
{
    private readonly HandlerProbe _probe = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
    private readonly ServiceProvider _services;
    private readonly SlackDispatcher _dispatcher;

    public SlackDispatcherTests()
    {
        var services = new ServiceCollection().AddFakeLogging().AddTestSlackHandlers(_probe);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(Substitute.For<IHostApplicationLifetime>());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _dispatcher = _services.GetRequiredService<SlackDispatcher>();
    }

    private FakeLogCollector Logs => _services.GetFakeLogCollector();

    [Fact]
    public async Task DispatchCommandAsync_KnownCommand_RendersHandlerReply()
    {
        var body = await _dispatcher.DispatchCommandAsync(Command(TestCommandHandler.Name, "b/p 1h"), CancellationToken.None);

        Assert.Equal("got /jit-test b/p 1h", (string?)JsonNode.Parse(body.Json!)!["text"]);
        Assert.Single(_probe.Commands);
    }

    [Fact]
    public async Task DispatchCommandAsync_HandlerAnswersAtOnce_AnsweredOnTheCallersThreadWithoutWaiting()
    {
        var thread = Environment.CurrentManagedThreadId;
        var handlerThread = -1;
        _probe.OnCommand = (c, _) =>
        {
            handlerThread = Environment.CurrentManagedThreadId;
            return Task.FromResult(SlackResponse.Ephemeral("at once"));
        };

        var dispatch = _dispatcher.DispatchCommandAsync(Command(TestCommandHandler.Name), CancellationToken.None);

        Assert.True(dispatch.IsCompletedSuccessfully);
        Assert.Equal(thread, handlerThread);
        Assert.Equal("at once", (string?)JsonNode.Parse((await dispatch).Json!)!["text"]);
    }

    [Fact]
    public async Task DispatchCommandAsync_UnknownCommand_EphemeralUnknownActionAndLog()
    {
        var body = await _dispatcher.DispatchCommandAsync(Command("/nope"), CancellationToken.None);

        Assert.Equal(SlackDispatcher.UnknownAction, (string?)JsonNode.Parse(body.Json!)!["text"]);
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 2120);
    }

    [Fact]
    public async Task DispatchCommandAsync_HandlerThrows_FriendlyReplyWithoutExceptionText()
    {
        _probe.OnCommand = (_, _) => throw new InvalidOperationException("secret internals");

        var body = await _dispatcher.DispatchCommandAsync(Command(TestCommandHandler.Name), CancellationToken.None);

        Assert.Equal(SlackDispatcher.SomethingWentWrong, (string?)JsonNode.Parse(body.Json!)!["text"]);
        Assert.DoesNotContain("secret internals", body.Json, StringComparison.Ordinal);
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 2123 && r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task DispatchCommandAsync_HandlerOverruns_StillWorkingAndHandlerKeepsRunning()
    {
        var release = new TaskCompletionSource<SlackResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlerToken = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.OnCommand = (_, ct) =>
        {
            handlerToken.SetResult(ct);
            return release.Task;
        };

        var dispatch = _dispatcher.DispatchCommandAsync(Command(TestCommandHandler.Name), CancellationToken.None);
        var token = await handlerToken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(SlackDispatcher.DefaultHandlerTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(dispatch.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var body = await dispatch.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SlackDispatcher.StillWorking, (string?)JsonNode.Parse(body.Json!)!["text"]);
        Assert.False(token.IsCancellationRequested);
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 2124);
        release.SetResult(SlackResponse.Empty);
    }

    [Fact]
    public async Task DispatchCommandAsync_CallerCancels_HandlerTokenCancelled()
    {
        var handlerToken = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.OnCommand = async (_, ct) =>
        {
            handlerToken.SetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return SlackResponse.Empty;
        };
        using var caller = new CancellationTokenSource();

        var dispatch = _dispatcher.DispatchCommandAsync(Command(TestCommandHandler.Name), caller.Token);
        var token = await handlerToken.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatch);
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public async Task DispatchInteractionAsync_UnknownActionId_EmptyAndLogged()
    {
        var payload = Parse(SlackRequestSigner.BlockActions("nobody_handles_this"));

        var body = await _dispatcher.DispatchInteractionAsync(payload, CancellationToken.None);

        Assert.True(body.IsEmpty);
        Assert.Empty(_probe.Actions);
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 2121);
    }

    [Fact]
    public async Task DispatchInteractionAsync_KnownAction_HandlerGetsPayloadAndAction()
    {
        var payload = Parse(SlackRequestSigner.BlockActions(TestActionHandler.Id, value: "R-1"));

        var body = await _dispatcher.DispatchInteractionAsync(payload, CancellationToken.None);

        Assert.True(body.IsEmpty);
        var (_, action) = Assert.Single(_probe.Actions);
        Assert.Equal("R-1", action.Value);
    }

    [Fact]
    public async Task DispatchInteractionAsync_ViewSubmissionErrors_RenderedAsResponseAction()
    {
        _probe.OnSubmission = (_, _) => Task.FromResult(ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { ["reason"] = "Say why." }));

        var body = await _dispatcher.DispatchInteractionAsync(Parse(SlackRequestSigner.ViewSubmission(TestViewHandler.Callback)), CancellationToken.None);

        Assert.Equal("errors", (string?)JsonNode.Parse(body.Json!)!["response_action"]);
    }

    [Fact]
    public async Task DispatchInteractionAsync_UnknownCallback_EmptyClosesModal()
    {
        var body = await _dispatcher.DispatchInteractionAsync(Parse(SlackRequestSigner.ViewSubmission("other_modal")), CancellationToken.None);

        Assert.True(body.IsEmpty);
        Assert.Empty(_probe.Submissions);
        Assert.Contains(Logs.GetSnapshot(), r => r.Id.Id == 2122);
    }

    public void Dispose() => _services.Dispose();

    private static SlashCommand Command(string name, string text = "") =>
        new("T1", null, "C1", "U1", name, text, null, null, null);

    private static SlackInteraction Parse(JsonObject payload) =>
        SlackInteractionParser.Parse(payload.ToJsonString()).Interaction ?? throw new InvalidOperationException("test payload did not parse");
}
