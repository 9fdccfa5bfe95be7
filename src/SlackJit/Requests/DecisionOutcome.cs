using SlackJit.Access;

namespace SlackJit.Requests;

/// <summary>What a click or command on an existing request came to.</summary>
internal abstract record DecisionOutcome
{
    private DecisionOutcome()
    {
    }

    /// <summary>The change was written (or, for a check, may be made); <paramref name="Request"/> is the request now.</summary>
    public sealed record Allowed(AccessRequest Request) : DecisionOutcome;

    /// <param name="Reason">The domain's reason, or null for "not found" and "busy".</param>
    /// <param name="Message">What to tell the person (mrkdwn, e.g. "R-7KQ3 was already approved by @x.").</param>
    public sealed record Refused(RefusalReason? Reason, string Message) : DecisionOutcome;
}
