namespace SlackJit.Slack.Api;

/// <summary>
/// Which response_url we will POST to. The URL arrives inside a request body; even though the request is signed,
/// we only ever send to Slack (https://hooks.slack.com) or to the configured API host (a test fake or emulator),
/// so a forged or mistaken URL can never make SlackJit call an arbitrary address.
/// </summary>
internal static class ResponseUrlPolicy
{
    public const string SlackHooksHost = "hooks.slack.com";

    public static bool TryAccept(string? responseUrl, Uri apiBase, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var candidate) || !string.IsNullOrEmpty(candidate.UserInfo))
        {
            return false;
        }

        var isSlack = candidate.Scheme == Uri.UriSchemeHttps
            && candidate.IsDefaultPort
            && string.Equals(candidate.IdnHost, SlackHooksHost, StringComparison.OrdinalIgnoreCase);
        var isApiHost = candidate.Scheme == apiBase.Scheme
            && candidate.Port == apiBase.Port
            && string.Equals(candidate.IdnHost, apiBase.IdnHost, StringComparison.OrdinalIgnoreCase);
        if (!isSlack && !isApiHost)
        {
            return false;
        }
        url = candidate;
        return true;
    }
}
