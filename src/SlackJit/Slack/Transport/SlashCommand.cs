using SlackJit.Access;

namespace SlackJit.Slack.Transport;

/// <summary>
/// A slash command as Slack sent it (form over HTTP, JSON over Socket Mode). The deprecated
/// <c>token</c> and <c>user_name</c> fields are deliberately absent: identity is the user ID.
/// </summary>
internal sealed record SlashCommand(
    string TeamId,
    string? EnterpriseId,
    string ChannelId,
    string UserId,
    string Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId,
    string? ApiAppId)
{
    public SlackIdentity Identity => new(UserId, TeamId);
}
