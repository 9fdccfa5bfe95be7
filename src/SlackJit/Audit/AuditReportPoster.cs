using System.Text;
using Microsoft.Extensions.Options;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Storage;

namespace SlackJit.Audit;

/// <summary>
/// Every <c>Audit:ReportEvery</c> (on the injected clock) posts the report of the period just ended to
/// <c>Audit:ReportChannel</c>, as a preformatted block so its tables stay aligned. A period whose post fails is logged
/// with the command that rebuilds it; the schedule goes on.
/// </summary>
internal sealed class AuditReportPoster(
    IRequestHistory history,
    ISlackApi slack,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditReportPoster> logger) : BackgroundService
{
    /// <summary>Leaves room under Slack's 40,000-character message text for the fence and the note.</summary>
    public const int MaxReportChars = 38_000;

    /// <summary>Builds and posts the report of [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task PostAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var channel = options.Value.ReportChannel!;
        var query = new AuditQuery(from, to);
        try
        {
            using var buffer = new MemoryStream();
            await AuditExport.WriteReportAsync(AuditReader.ReadAsync(history, query, cancellationToken), query, time.GetUtcNow(), buffer, cancellationToken);
            var markdown = Encoding.UTF8.GetString(buffer.ToArray());
            await slack.PostMessageAsync(channel, new SlackMessage(ForSlack(markdown, query)), cancellationToken);
            AuditLog.ReportPosted(logger, from, to, channel);
        }
        catch (Exception ex) when (ex is SlackApiException or StoreUnavailableException)
        {
            AuditLog.ReportNotPosted(logger, from, to, channel, ex is SlackApiException slackError ? slackError.Error : ex.Message);
        }
    }

    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The schedule starts when the app does (not whenever the background thread first runs).
        if (!string.IsNullOrEmpty(options.Value.ReportChannel))
        {
            _timer = new PeriodicTimer(options.Value.ReportEvery, time);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
        {
            return;
        }
        var every = options.Value.ReportEvery;
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
            {
                var to = time.GetUtcNow();
                await PostAsync(to - every, to, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    // Requesters write the reasons: escaped so a reason cannot mention @channel or open a link.
    private static string ForSlack(string markdown, AuditQuery query)
    {
        var text = markdown.Length <= MaxReportChars ? markdown : markdown[..MaxReportChars] + "\n…";
        var note = markdown.Length <= MaxReportChars
            ? ""
            : $"\nCut to fit a Slack message: run `audit report --from {AuditFormat.Time(query.From)} --to {AuditFormat.Time(query.To)}` for all of it.";
        // A reason holding ``` must not close the block early.
        return "```\n" + Mrkdwn.Escape(text).Replace("```", "`\u200B`\u200B`", StringComparison.Ordinal) + "\n```" + note;
    }
}
