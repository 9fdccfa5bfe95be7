using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Requests.FollowUps;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;

namespace SlackJit.Requests;

/// <summary>
/// The work each use case leaves for after the ack, queued on <see cref="IWorkQueue"/> as typed items that
/// <see cref="FollowUpHandlers"/> runs: posting the card, updating it after a decision, starting issuance, and
/// messages to people. What must survive a crash is covered by the request's due time and the sweeper; messages
/// are best effort.
/// </summary>
internal sealed class RequestFollowUps(IWorkQueue work, ILogger<RequestFollowUps> logger)
{
    /// <summary>
    /// Posts the card of a new request; tells <paramref name="requester"/> if the approver channel is misconfigured.
    /// A break-glass request is Approved already: it goes to issuance once its card is recorded (or, if the queue is
    /// full, when the sweeper finds it due).
    /// </summary>
    public void AfterCreate(AccessRequest request, ReplyTarget requester, SlackMessage? ackByDm = null) =>
        Enqueue(new PostCard(request, requester, ackByDm), request.Id);

    /// <summary>Updates the card after a decision; an Approved request then goes to issuance.</summary>
    public void AfterDecision(AccessRequest next)
    {
        if (!Enqueue(new ShowDecision(next), next.Id))
        {
            // The card can wait for the next change; issuance falls back to the sweeper either way.
            FollowUpHandlers.IssueSoon(work, next);
        }
    }

    /// <summary>Updates the card and tells the requester by DM, with the approver's reason.</summary>
    public void AfterDeny(AccessRequest next) => Enqueue(new ShowDenial(next), next.Id);

    /// <summary>A message to the person who acted (clicks are answered through their response_url).</summary>
    public void Tell(ReplyTarget target, string text, Guid requestId, bool replaceOriginal = false) =>
        Enqueue(new Reply(target, text, requestId, replaceOriginal), requestId);

    private bool Enqueue<TWork>(TWork item, Guid requestId)
        where TWork : IWorkItem
    {
        if (work.TryEnqueue(item))
        {
            return true;
        }

        RequestsLog.FollowUpNotQueued(logger, item.Name, requestId);
        return false;
    }
}
