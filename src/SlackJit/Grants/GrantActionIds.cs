namespace SlackJit.Grants;

/// <summary>The <c>action_id</c>s of the buttons in the requester's DM; each button's value is the full request id.</summary>
public static class GrantActionIds
{
    public const string Renew = "grant_renew";
    public const string Done = "grant_done";

    /// <summary>The DM's console button: SlackJit answers with a fresh sign-in link, seen only by the requester.</summary>
    public const string Console = "grant_console";

    /// <summary>The link button in that answer: Slack opens the URL and also reports the click, which needs no answer.</summary>
    public const string ConsoleLink = "grant_console_link";
}
