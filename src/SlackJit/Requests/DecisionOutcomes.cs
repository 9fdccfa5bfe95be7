using SlackJit.Access;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>Turns a click's decided write into what the clicker is told.</summary>
internal static class DecisionOutcomes
{
    /// <summary>What a click's decided write tells the clicker, logged once; shared by approve, deny and cancel.</summary>
    public static DecisionOutcome From(DecidedWrite write, string action, Guid id, string clickerId, ILogger logger)
    {
        switch (write.Status)
        {
            case DecidedWriteStatus.Applied:
                RequestsLog.DecisionApplied(logger, action, id, clickerId, write.Current.Status.ToString());
                return new DecisionOutcome.Allowed(write.Current);
            case DecidedWriteStatus.Refused:
                RequestsLog.DecisionRefused(logger, action, id, clickerId, write.Refusal!.Reason.ToString());
                return new DecisionOutcome.Refused(write.Refusal.Reason, write.Refusal.Text());
            case DecidedWriteStatus.Contended:
                RequestsLog.DecisionContended(logger, action, id, clickerId, DecideAgainOnConflict.MaxAttempts);
                return new DecisionOutcome.Refused(null, RequestReplies.Busy);
            default:
                return new DecisionOutcome.Refused(null, RequestReplies.NotFound(RequestIds.ToShort(id)));
        }
    }
}
