namespace SlackJit.Grants;

/// <summary>The <c>action_id</c>s of the buttons in the requester's DM; each button's value is the full request id.</summary>
public static class GrantActionIds
{
    public const string Renew = "grant_renew";
    public const string Done = "grant_done";

    /// <summary>The console link button: Slack opens the URL and also reports the click, which needs no answer.</summary>
    public const string Console = "grant_console";
}
