using SlackJit.Access;

namespace SlackJit.Slack.Transport;

/// <summary>A <c>block_actions</c> interaction: a button click or select change in a message or view.</summary>
internal sealed record BlockActionsPayload(
    SlackIdRef User,
    IReadOnlyList<BlockAction> Actions,
    SlackIdRef? Team = null,
    string? ApiAppId = null,
    SlackContainer? Container = null,
    SlackIdRef? Channel = null,
    SlackEchoedMessage? Message = null,
    SlackView? View = null,
    string? ResponseUrl = null,
    string? TriggerId = null) : SlackInteraction
{
    public SlackIdentity Identity => new(User.Id, Team?.Id ?? "");
}
