using SlackJit.Access;

namespace SlackJit.Slack.Transport;

/// <summary>A <c>view_submission</c> interaction: the user pressed the modal's submit button.</summary>
internal sealed record ViewSubmissionPayload(
    SlackIdRef User,
    SlackView View,
    SlackIdRef? Team = null,
    string? ApiAppId = null,
    string? TriggerId = null) : SlackInteraction
{
    public SlackIdentity Identity => new(User.Id, Team?.Id ?? "");
}
