namespace SlackJit.Access;

/// <summary>A "no": a reason for code and the facts behind it; the Slack-facing rooms word it (no secrets in either).</summary>
/// <param name="Reason">What went wrong, for code and tests.</param>
/// <param name="Facts">What it is about, for the wording.</param>
public sealed record Refusal(RefusalReason Reason, RefusalFacts Facts)
{
    /// <summary>For <see cref="RefusalReason.AlreadyDecided"/>: who decided first, if anyone.</summary>
    public string? DecidedBy => Reason == RefusalReason.AlreadyDecided ? Facts.UserId : null;

    /// <summary>A refusal worded by a Slack-facing room.</summary>
    public static Refusal Worded(RefusalReason reason, string text) => new(reason, new RefusalFacts { Text = text });
}
