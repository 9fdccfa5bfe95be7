namespace SlackJit.Access;

/// <summary>A "no" with a reason for code and a message for people (Slack mrkdwn, no secrets).</summary>
/// <param name="Reason">What went wrong, for code and tests.</param>
/// <param name="Message">What to tell the person, precise and friendly.</param>
/// <param name="DecidedBy">For <see cref="RefusalReason.AlreadyDecided"/>: who decided first, if anyone.</param>
public sealed record Refusal(RefusalReason Reason, string Message, string? DecidedBy = null);
