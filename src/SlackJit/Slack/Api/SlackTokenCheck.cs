using Microsoft.Extensions.Options;
using SlackJit.Hosting;

namespace SlackJit.Slack.Api;

/// <summary>
/// Calls <c>auth.test</c> at start-up (<c>Slack:VerifyTokenOnStart</c>). A token Slack rejects stops the app with
/// one clear line; Slack being unreachable only warns, because a brief outage must not block a deploy.
/// </summary>
internal sealed class SlackTokenCheck(
    ISlackApi slack,
    IOptions<SlackOptions> options,
    ILogger<SlackTokenCheck> logger,
    SlackWorkspace? workspace = null) : IHostedService
{
    /// <summary>Longest the check may hold up start-up before we give up and start anyway.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(15);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.VerifyTokenOnStart)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var auth = await slack.AuthTestAsync(timeout.Token);
            SlackApiLog.TokenVerified(logger, auth.TeamId, auth.UserId);
            workspace?.Remember(auth);
        }
        catch (SlackApiException ex) when (SlackErrors.IsAuthFailure(ex.Error))
        {
            SlackApiLog.TokenRejected(logger, ex.Error);
            throw new StartupCheckException(
                $"Slack:BotToken was rejected by Slack ({ex.Error}): set the environment variable Slack__BotToken to the bot token (xoxb-…) of the installed app");
        }
        catch (SlackApiException ex)
        {
            SlackApiLog.TokenCheckSkipped(logger, ex.Error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SlackApiLog.TokenCheckSkipped(logger, SlackErrors.Timeout);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
