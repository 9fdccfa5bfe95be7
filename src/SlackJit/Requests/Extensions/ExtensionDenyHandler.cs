using SlackJit.Cards;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests.Extensions;

/// <summary><b>Deny</b> on an extension card: one deny decides; the grant stays as it was.</summary>
internal sealed class ExtensionDenyHandler(DecideExtension decide) : IBlockActionHandler
{
    public string ActionId => ExtensionKeys.Deny;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        decide.DecideAsync(payload, action, approve: false, cancellationToken);
}
