using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests.Extensions;

/// <summary>
/// Posts the extension card in the request's approvers' channel (where its approval card is) and records where;
/// rewrites it after each decision; tells the requester by DM what was asked and what was decided.
/// </summary>
internal sealed class ExtensionFollowUps(
    IAccessRequestStore store,
    ISlackApi slack,
    SlackMessenger messenger,
    IOptions<AccessOptions> access,
    IOptions<SlackOptions> slackOptions,
    TimeProvider time,
    ILogger<ExtensionFollowUps> logger) : IWorkHandler<ShowExtension>
{
    public async Task HandleAsync(ShowExtension work, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(work.RequestId, cancellationToken) is not { Extension: { } extension } request)
        {
            return;
        }

        var card = ExtensionCard.Build(request, time.GetUtcNow());
        try
        {
            if (extension.CardChannel is { } channel && extension.CardTs is { } ts)
            {
                await slack.UpdateMessageAsync(new SlackMessageRef(channel, ts), card, cancellationToken);
            }
            else if (work.Asked)
            {
                var target = request.Slack.CardChannel ?? ApproverChannel.For(AccessPolicy.FindResource(access.Value, request.Resource), slackOptions.Value).Id;
                var posted = await slack.PostMessageAsync(target, card, cancellationToken);
                var recorded = await store.ApplyDecidingAgainAsync(
                    request, r => Transitions.ExtensionCardPosted(r, posted.Channel, posted.Ts, time.GetUtcNow()), cancellationToken);
                // Someone decided while the card was on its way (their follow-up found no card to rewrite): show it now.
                if (recorded.Current.Extension is { } now &&
                    (now.Approvals.Count != extension.Approvals.Count || now.Decision != extension.Decision || recorded.Current.Grant != request.Grant))
                {
                    await slack.UpdateMessageAsync(posted, ExtensionCard.Build(recorded.Current, time.GetUtcNow()), cancellationToken);
                }
            }
        }
        catch (SlackApiException ex)
        {
            ExtensionsLog.CardFailed(logger, request.Id, ex.Error);
        }

        var told = extension.Decision switch
        {
            null when work.Asked => $":hourglass_flowing_sand: Asked the approvers to extend *{request.ShortId}* to {DurationParser.Format(extension.NewTotal)} in all. Your current credentials keep working meanwhile.",
            AuditActions.ExtensionDenied => $":x: {SlackText.Mention(extension.DecidedBy)} denied more time for *{request.ShortId}*; your access stays until {SlackDates.DateAtTime(request.Grant?.WindowEnd ?? time.GetUtcNow())}.",
            AuditActions.ExtensionApproved => $":white_check_mark: {SlackText.Mention(extension.DecidedBy)} approved more time for *{request.ShortId}*: fresh credentials for the longer window are in your SlackJit DM.",
            _ => null,
        };
        if (told is not null)
        {
            await messenger.ReplyAsync(ReplyTarget.Dm(request.Requester.UserId), new SlackMessage(told), "extension", cancellationToken);
        }
    }
}
