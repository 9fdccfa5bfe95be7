namespace SlackJit.Slack.Transport;

/// <summary>Who sees an immediate reply: only the user (Slack's default) or the whole channel.</summary>
internal enum SlackResponseType
{
    Ephemeral,
    InChannel,
}
