namespace SlackJit.Home;

/// <summary>The ids SlackJit puts on its App Home tab. The request buttons there reuse the card's and the DM's ids.</summary>
internal static class HomeKeys
{
    public const string CallbackId = "slackjit.home";
    public const string RequestAccessAction = "home.request-access";
}
