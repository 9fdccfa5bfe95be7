
namespace SlackJit.Requests;

/// <summary>The action ids, callback ids and block ids this feature puts on Slack surfaces; Slack sends them back.</summary>
internal static class RequestsSlackKeys
{
    public const string Command = "/s3-access";

    public const string ApproveAction = Cards.CardKeys.ApproveAction;
    public const string DenyAction = Cards.CardKeys.DenyAction;
    public const string CancelAction = "requests.cancel";
    public const string NudgeAction = "requests.nudge";

    public const string NewRequestCallback = "requests.new";
    public const string DenyReasonCallback = "requests.deny-reason";

    public const string CardActionsBlock = Cards.CardKeys.ActionsBlock;
    public const string AckActionsBlock = "ack-actions";

    // Modal inputs: one action per block, so the action id is the same everywhere.
    public const string Value = "value";
    public const string ResourceBlock = "resource";
    public const string PrefixBlock = "prefix";
    public const string DurationBlock = "duration";
    public const string ReasonBlock = "reason";
    public const string DenyReasonBlock = "deny-reason";
    public const string BreakGlassBlock = "break-glass";

    /// <summary>The value of the form's one break-glass checkbox when it is ticked.</summary>
    public const string BreakGlassValue = "break-glass";

    /// <summary>Acknowledge on a break-glass card: an approver has reviewed it.</summary>
    public const string AcknowledgeAction = Cards.CardKeys.AcknowledgeAction;
}
