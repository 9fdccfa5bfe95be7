using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests.FollowUps;

/// <summary>Runs the requests' follow-ups on the work queue. What must survive a crash is covered by the request's due time.</summary>
internal sealed class FollowUpHandlers(IAccessRequestStore store, ApprovalCards cards, SlackMessenger messenger, IWorkQueue queue)
    : IWorkHandler<PostCard>, IWorkHandler<ShowDecision>, IWorkHandler<ShowDenial>, IWorkHandler<Reply>
{
    public async Task HandleAsync(PostCard work, CancellationToken cancellationToken)
    {
        if (work.AckByDm is not null)
        {
            await messenger.ReplyAsync(work.Requester, work.AckByDm, "request acknowledgement", cancellationToken);
        }

        var current = await store.GetAsync(work.Request.Id, cancellationToken) ?? work.Request;
        try
        {
            var post = await cards.PostCardAsync(current, cancellationToken);
            if (post.MisconfiguredError is { } error)
            {
                await messenger.ReplyAsync(
                    work.Requester, new SlackMessage(RequestReplies.CardNotPosted(post.Request, post.Channel, error)), "approver channel misconfigured", cancellationToken);
            }
        }
        finally
        {
            // A break-glass request is Approved from the start: issued after its card is recorded, so the two writes do not race.
            IssueSoon(queue, current);
        }
    }

    public async Task HandleAsync(ShowDecision work, CancellationToken cancellationToken)
    {
        await cards.UpdateAsync(work.Next, cancellationToken);
        IssueSoon(queue, work.Next);
    }

    public async Task HandleAsync(ShowDenial work, CancellationToken cancellationToken)
    {
        await cards.UpdateAsync(work.Next, cancellationToken);
        await messenger.ReplyAsync(ReplyTarget.Dm(work.Next.Requester.UserId), RequestReplies.DeniedDm(work.Next), "denied", cancellationToken);
    }

    public Task HandleAsync(Reply work, CancellationToken cancellationToken) =>
        messenger.ReplyAsync(work.Target, new SlackMessage(work.Text), "reply", cancellationToken, work.ReplaceOriginal);

    /// <summary>Queues issuing of a just-approved request; if the queue refuses, the sweeper issues it when due.</summary>
    public static void IssueSoon(IWorkQueue work, AccessRequest next)
    {
        if (next.Status == RequestStatus.Approved)
        {
            work.TryEnqueue(new AdvanceRequest(next.Id, RequestStatus.Approved));
        }
    }
}
