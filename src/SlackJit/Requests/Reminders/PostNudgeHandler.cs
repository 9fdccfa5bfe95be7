using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests.Reminders;

/// <summary>Posts a recorded nudge in the card's thread and tells the requester whom it reached.</summary>
internal sealed class PostNudgeHandler(IAccessRequestStore store, SlackMessenger messenger, IOptions<AccessOptions> access) : IWorkHandler<PostNudge>
{
    public async Task HandleAsync(PostNudge work, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(work.RequestId, cancellationToken) is not { Slack: { CardChannel: { } channel, CardTs: { } ts } } request ||
            AccessPolicy.FindResource(access.Value, request.Resource) is not { } resource)
        {
            return;
        }

        var undecided = Access.Reminders.Undecided(resource, request);
        if (await messenger.ReplyInThreadAsync(new SlackMessageRef(channel, ts), ReminderText.Nudge(request, undecided), request.Id, cancellationToken))
        {
            await messenger.ReplyAsync(work.Requester, new SlackMessage(ReminderText.Nudged(request, undecided)), "nudged", cancellationToken);
        }
    }
}
