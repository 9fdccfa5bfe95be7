namespace SlackJit.Cards;

/// <summary>The ids on the approval card: its actions block and the two buttons (their value is the full request id).</summary>
public static class CardKeys
{
    public const string ActionsBlock = "card-actions";
    public const string ApproveAction = "requests.approve";
    public const string DenyAction = "requests.deny";

    /// <summary>On the card of a live grant: any approver of its catalog entry ends it now.</summary>
    public const string RevokeAction = "grants.revoke";

    /// <summary>On a break-glass card until acknowledged: an approver of its entry (not the requester) has reviewed it.</summary>
    public const string AcknowledgeAction = "requests.acknowledge";
}
