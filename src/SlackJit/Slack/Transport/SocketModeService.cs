using Microsoft.Extensions.Options;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Socket Mode (docs/SLACK-PLATFORM.md), on when <c>Slack:AppToken</c> is set: fetches a fresh URL with
/// <c>apps.connections.open</c> for every connection, runs it, and reconnects — at once when Slack
/// asks for a refresh, after a jittered exponential back-off when something failed. The HTTP
/// endpoints stay mapped either way.
/// </summary>
internal sealed class SocketModeService(
    IOptionsMonitor<SlackOptions> options,
    SlackConnectionsClient connections,
    SocketModeSession session,
    SocketModeBackoff backoff,
    TimeProvider time,
    ILogger<SocketModeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(options.CurrentValue.AppToken))
        {
            SlackTransportLog.SocketModeOff(logger);
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var end = await ConnectOnceAsync(stoppingToken);
            switch (end)
            {
                case SocketModeEnd.Stopped:
                    return;
                case SocketModeEnd.LinkDisabled:
                    SlackTransportLog.LinkDisabled(logger);
                    return;
                case SocketModeEnd.Refresh:
                    failures = 0;
                    continue;
            }

            // A connection that got as far as hello was healthy; its drop starts the back-off afresh.
            failures = session.SawHello ? 0 : failures;
            var delay = backoff.Delay(failures++);
            SlackTransportLog.Reconnecting(logger, delay, failures);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<SocketModeEnd> ConnectOnceAsync(CancellationToken stoppingToken)
    {
        ConnectionsOpenResult opened;
        try
        {
            opened = await connections.OpenAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return SocketModeEnd.Stopped;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            SlackTransportLog.OpenFailed(logger, ex);
            return SocketModeEnd.Dropped;
        }

        if (opened.Url is null)
        {
            SlackTransportLog.OpenRefused(logger, opened.Error ?? "unknown_error");
            return SocketModeEnd.Dropped;
        }
        return await session.RunAsync(opened.Url, stoppingToken);
    }
}
