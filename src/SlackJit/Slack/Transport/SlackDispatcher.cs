using System.Diagnostics;
using SlackJit.Telemetry;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Hands parsed Slack input to the registered handler and renders its answer; shared by the HTTP
/// endpoints and Socket Mode. Every path answers in time and with something Slack accepts: unknown
/// keys, failures and overruns become friendly replies, never exceptions.
/// </summary>
internal sealed class SlackDispatcher(
    SlackHandlerRegistry registry,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<SlackDispatcher> logger,
    SlackWorkspace? workspace = null)
{
    /// <summary>Leaves room inside Slack's 3 s for the network and the ack itself.</summary>
    public static readonly TimeSpan DefaultHandlerTimeout = TimeSpan.FromSeconds(2.5);

    public const string SomethingWentWrong = "Something went wrong on our side; try again.";
    public const string StillWorking = "Still working on it…";
    public const string UnknownAction = "Unknown action.";
    public const string OtherWorkspace = "SlackJit does not serve this workspace.";

    public TimeSpan HandlerTimeout { get; init; } = DefaultHandlerTimeout;

    public Task<SlackResponseBody> DispatchCommandAsync(SlashCommand command, CancellationToken cancellationToken) =>
        Foreign("slash command", command.TeamId, command.ApiAppId) is { } refused ? Task.FromResult(refused) : RunAsync("slash command", command.Command, async ct =>
        {
            var handler = registry.FindCommand(command.Command);
            if (handler is null)
            {
                SlackTransportLog.UnknownCommand(logger, command.Command);
                return SlackResponseJson.Render(SlackResponse.Ephemeral(UnknownAction));
            }
            return SlackResponseJson.Render(await handler.HandleAsync(command, ct));
        }, cancellationToken);

    public Task<SlackResponseBody> DispatchInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken) =>
        Foreign(interaction) is { } refused ? Task.FromResult(refused) : interaction switch
        {
            BlockActionsPayload p => RunAsync(
                SlackInteraction.BlockActions, string.Join(',', p.Actions.Select(a => a.ActionId)), ct => BlockActionsAsync(p, ct), cancellationToken),
            ViewSubmissionPayload p => RunAsync(
                SlackInteraction.ViewSubmission, p.View.CallbackId ?? "", ct => ViewSubmissionAsync(p, ct), cancellationToken),
            ViewClosedPayload p => RunAsync(
                SlackInteraction.ViewClosed, p.View.CallbackId ?? "", ct => ViewClosedAsync(p, ct), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(interaction), interaction.GetType().Name, "Not a dispatchable interaction."),
        };

    /// <summary>
    /// An Events API event: handed to the handler for its type within the ack's time limit (the handler only queues
    /// work). Always acknowledged with an empty body; an event from another workspace or app reaches no handler.
    /// </summary>
    public async Task DispatchEventAsync(SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slackEvent);
        if (Foreign("event", slackEvent.TeamId, slackEvent.ApiAppId, quiet: true) is not null)
        {
            return;
        }
        var handler = registry.FindEvent(slackEvent.Type);
        if (handler is null)
        {
            SlackTransportLog.UnknownEvent(logger, slackEvent.Type);
            return;
        }
        await RunAsync("event", slackEvent.Type, async ct =>
        {
            await handler.HandleAsync(slackEvent, ct);
            return SlackResponseBody.Empty;
        }, cancellationToken);
    }

    private SlackResponseBody? Foreign(SlackInteraction interaction) => interaction switch
    {
        BlockActionsPayload p => Foreign(SlackInteraction.BlockActions, p.Team?.Id, p.ApiAppId),
        ViewSubmissionPayload p => Foreign(SlackInteraction.ViewSubmission, p.Team?.Id, p.ApiAppId, quiet: true),
        ViewClosedPayload p => Foreign(SlackInteraction.ViewClosed, p.Team?.Id, p.ApiAppId, quiet: true),
        _ => null,
    };

    // Input from another workspace or app never reaches a handler: nothing is read, created or decided for it.
    private SlackResponseBody? Foreign(string kind, string? teamId, string? appId, bool quiet = false)
    {
        if (workspace?.Refuses(teamId, appId) is not { } why)
        {
            return null;
        }

        SlackTransportLog.ForeignInput(logger, kind, why);
        return quiet ? SlackResponseBody.Empty : SlackResponseJson.Render(SlackResponse.Ephemeral(OtherWorkspace));
    }

    private async Task<SlackResponseBody> BlockActionsAsync(BlockActionsPayload payload, CancellationToken ct)
    {
        // Slack sends one action per click today; should it send several, each runs and the first reply wins.
        var answer = SlackResponseBody.Empty;
        foreach (var action in payload.Actions)
        {
            var handler = registry.FindAction(action.ActionId);
            if (handler is null)
            {
                SlackTransportLog.UnknownAction(logger, action.ActionId);
                continue;
            }
            var body = SlackResponseJson.Render(await handler.HandleAsync(payload, action, ct));
            answer = answer.IsEmpty ? body : answer;
        }
        return answer;
    }

    private async Task<SlackResponseBody> ViewSubmissionAsync(ViewSubmissionPayload payload, CancellationToken ct)
    {
        var handler = registry.FindViewSubmission(payload.View.CallbackId);
        if (handler is null)
        {
            SlackTransportLog.UnknownCallback(logger, SlackInteraction.ViewSubmission, payload.View.CallbackId ?? "");
            return SlackResponseBody.Empty;
        }
        return SlackResponseJson.Render(await handler.HandleAsync(payload, ct));
    }

    private async Task<SlackResponseBody> ViewClosedAsync(ViewClosedPayload payload, CancellationToken ct)
    {
        var handler = registry.FindViewClosed(payload.View.CallbackId);
        if (handler is null)
        {
            SlackTransportLog.UnknownCallback(logger, SlackInteraction.ViewClosed, payload.View.CallbackId ?? "");
            return SlackResponseBody.Empty;
        }
        await handler.HandleAsync(payload, ct);
        return SlackResponseBody.Empty;
    }

    private async Task<SlackResponseBody> RunAsync(
        string kind,
        string key,
        Func<CancellationToken, Task<SlackResponseBody>> handle,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The ack: from Slack's call to our answer. The handler's own spans (and the work it queues) hang under it.
        using var span = SlackJitTelemetry.Source.StartActivity("slack.ack", ActivityKind.Server);
        span?.SetTag("slack.kind", kind);
        span?.SetTag("slack.key", key);

        // A handler that overruns keeps running after we answer, so its token belongs to it, not to the
        // caller. Only shutdown, or the caller going away while we still wait, cancels it. The handler starts on
        // the caller's thread (handlers do their I/O asynchronously and never block it); an answer ready at once
        // (help, a refusal) needs no hop to another thread and no timer, one still pending is waited for with the
        // time limit.
        var handlerCts = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        var work = Start(handle, handlerCts.Token);
        if (work.IsCompleted)
        {
            handlerCts.Dispose();
        }
        else
        {
            // Released when the handler ends, however it ends (its fault is reported below, or by the late-failure log).
            _ = work.ContinueWith(
                static (done, cts) =>
                {
                    _ = done.Exception;
                    ((CancellationTokenSource)cts!).Dispose();
                },
                handlerCts, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        try
        {
            return await (work.IsCompleted ? work : work.WaitAsync(HandlerTimeout, time, cancellationToken));
        }
        catch (TimeoutException)
        {
            SlackTransportLog.HandlerOverran(logger, kind, key, HandlerTimeout);
            span?.SetTag("slack.overran", true);
            _ = work.ContinueWith(
                t => SlackTransportLog.HandlerFailedLate(logger, kind, key, t.Exception!.GetBaseException()),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return SlackResponseJson.Render(SlackResponse.Ephemeral(StillWorking));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Nobody is waiting for the answer any more; let the handler stop too.
            CancelQuietly(handlerCts);
            throw;
        }
        catch (Exception ex)
        {
            SlackTransportLog.HandlerFailed(logger, kind, key, ex);
            span.Fail("handler_failed");
            return SlackResponseJson.Render(SlackResponse.Ephemeral(SomethingWentWrong));
        }
    }

    private static Task<SlackResponseBody> Start(Func<CancellationToken, Task<SlackResponseBody>> handle, CancellationToken cancellationToken)
    {
        try
        {
            return handle(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<SlackResponseBody>(ex);
        }
    }

    private static void CancelQuietly(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The handler already finished and released its token.
        }
    }
}
