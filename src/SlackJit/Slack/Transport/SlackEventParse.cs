namespace SlackJit.Slack.Transport;

/// <summary>
/// What an Events API body turned out to be: a <c>url_verification</c> with its challenge, an <c>event_callback</c>,
/// another outer type SlackJit does not use (acknowledged, nothing done), or invalid (with the reason, for a 400).
/// </summary>
internal sealed record SlackEventParse(SlackEvent? Event = null, string? Challenge = null, string? UnknownType = null, string? Error = null)
{
    public static SlackEventParse Invalid(string error) => new(Error: error);
}
