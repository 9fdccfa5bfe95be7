using SlackJit.Access;

namespace SlackJit.Slack.Transport;

/// <summary>A <c>view_closed</c> interaction (only sent when the view asked for <c>notify_on_close</c>).</summary>
internal sealed record ViewClosedPayload(
    SlackIdRef User,
    SlackView View,
    SlackIdRef? Team = null,
    string? ApiAppId = null,
    bool IsCleared = false) : SlackInteraction
{
    public SlackIdentity Identity => new(User.Id, Team?.Id ?? "");
}
