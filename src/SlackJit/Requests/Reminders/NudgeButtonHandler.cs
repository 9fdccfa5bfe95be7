using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;
using SlackJit.Storage;

namespace SlackJit.Requests.Reminders;

/// <summary>
/// <b>Nudge approvers</b> in the requester's acknowledgement: only the requester, only while pending, at most once per
/// reminder interval (the domain decides, the store's conditional write makes a double click count once). The nudge
/// is recorded before the ack; the thread reply follows after it.
/// </summary>
internal sealed class NudgeButtonHandler(
    IAccessRequestStore store,
    Lifecycle.IWorkQueue work,
    RequestFollowUps followUps,
    TimeProvider time,
    ILogger<NudgeButtonHandler> logger) : IBlockActionHandler
{
    public string ActionId => RequestsSlackKeys.NudgeAction;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        RequestButton.HandleAsync(payload, action, "nudge", followUps, logger, async (id, clicker) =>
        {
            if (await store.GetAsync(id, cancellationToken) is not { } request)
            {
                followUps.Tell(clicker, RequestReplies.NotFound(RequestIds.ToShort(id)), id);
                return;
            }

            var write = await store.ApplyDecidingAgainAsync(request, r => Transitions.Nudge(r, payload.User.Id, time.GetUtcNow()), cancellationToken);
            var outcome = DecisionOutcomes.From(write, "nudge", id, payload.User.Id, logger);
            switch (outcome)
            {
                case DecisionOutcome.Allowed:
                    RemindersLog.Nudged(logger, id, payload.User.Id);
                    if (!work.TryEnqueue(new PostNudge(id, clicker)))
                    {
                        followUps.Tell(clicker, RequestReplies.Busy, id);
                    }
                    break;
                case DecisionOutcome.Refused refused:
                    followUps.Tell(clicker, refused.Message, id);
                    break;
            }
        });
}
