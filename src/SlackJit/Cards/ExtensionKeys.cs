namespace SlackJit.Cards;

/// <summary>The ids "ask for more time" puts on Slack surfaces; every button's value (and the modal's metadata) is the full request id.</summary>
internal static class ExtensionKeys
{
    /// <summary>The button in the requester's DM that opens the form.</summary>
    public const string Ask = "grant_extend";

    public const string Approve = ExtensionCard.ApproveAction;
    public const string Deny = ExtensionCard.DenyAction;
    public const string Callback = "grants.extend";
    public const string DurationBlock = "extend-duration";
    public const string ReasonBlock = "extend-reason";
    public const string Value = "value";
}
