using SlackJit.Access;
using SlackJit.Cards;

namespace SlackJit.Requests;

/// <summary>A new request stored (and where its card goes), or why not.</summary>
internal abstract record CreateOutcome
{
    private CreateOutcome()
    {
    }

    public sealed record Created(AccessRequest Request, ApproverChannel Channel) : CreateOutcome;

    /// <param name="Reason">The domain's reason; null when Slack could not be asked about the requester.</param>
    /// <param name="Message">What to tell the requester (mrkdwn).</param>
    public sealed record Refused(RefusalReason? Reason, string Message) : CreateOutcome;
}
