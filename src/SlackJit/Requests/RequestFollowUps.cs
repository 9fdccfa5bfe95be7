using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// The work each use case leaves for after the ack, queued on <see cref="IBackgroundWork"/>: posting the card,
/// updating it after a decision, starting issuance, and messages to people. What must survive a crash is covered
/// by the request's due time and the sweeper; messages are best effort.
/// </summary>
internal sealed class RequestFollowUps(IBackgroundWork work, IServiceProvider services, ILogger<RequestFollowUps> logger)
{
    /// <summary>Posts the card of a new request; tells <paramref name="requester"/> if the approver channel is misconfigured.</summary>
    public void AfterCreate(AccessRequest request, ReplyTarget requester, SlackMessage? ackByDm = null) =>
        Enqueue("post-card", request.Id, async (sp, ct) =>
        {
            if (ackByDm is not null)
            {
                await sp.GetRequiredService<Replies>().SendAsync(requester, ackByDm, "request acknowledgement", ct);
            }

            var current = await sp.GetRequiredService<IAccessRequestStore>().GetAsync(request.Id, ct) ?? request;
            var post = await sp.GetRequiredService<ApprovalCards>().PostCardAsync(current, ct);
            if (post.MisconfiguredError is { } error)
            {
                await sp.GetRequiredService<Replies>().SendAsync(
                    requester, new SlackMessage(RequestReplies.CardNotPosted(post.Request, post.Channel, error)), "approver channel misconfigured", ct);
            }
        });

    /// <summary>Updates the card after a decision; an Approved request then goes to issuance.</summary>
    public void AfterDecision(AccessRequest next)
    {
        if (!Enqueue("update-card", next.Id, async (sp, ct) =>
            {
                await sp.GetRequiredService<ApprovalCards>().UpdateAsync(next, ct);
                ScheduleIssuance(sp, next);
            }))
        {
            // The card can wait for the next change; issuance falls back to the sweeper either way.
            ScheduleIssuance(services, next);
        }
    }

    /// <summary>Updates the card and tells the requester by DM, with the approver's reason.</summary>
    public void AfterDeny(AccessRequest next) =>
        Enqueue("deny-follow-up", next.Id, async (sp, ct) =>
        {
            await sp.GetRequiredService<ApprovalCards>().UpdateAsync(next, ct);
            await sp.GetRequiredService<Replies>().SendAsync(
                ReplyTarget.Dm(next.Requester.UserId), RequestReplies.DeniedDm(next), "denied", ct);
        });

    /// <summary>A message to the person who acted (clicks are answered through their response_url).</summary>
    public void Tell(ReplyTarget target, string text, Guid requestId, bool replaceOriginal = false) =>
        Enqueue("reply", requestId, (sp, ct) =>
            sp.GetRequiredService<Replies>().SendAsync(target, new SlackMessage(text), "reply", ct, replaceOriginal));

    private bool Enqueue(string name, Guid requestId, Func<IServiceProvider, CancellationToken, Task> job)
    {
        if (work.TryEnqueue(name, job))
        {
            return true;
        }

        RequestsLog.FollowUpNotQueued(logger, name, requestId);
        return false;
    }

    private void ScheduleIssuance(IServiceProvider provider, AccessRequest next)
    {
        if (next.Status != RequestStatus.Approved)
        {
            return;
        }

        // Registered by the lifecycle; until it is, the sweeper issues what is due.
        if (provider.GetService<IIssuanceScheduler>() is { } scheduler)
        {
            scheduler.Schedule(next.Id);
        }
        else
        {
            RequestsLog.IssuanceNotWired(logger, next.Id);
        }
    }
}
