using SlackJit.Cards;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests.Extensions;

/// <summary><b>Approve</b> on an extension card.</summary>
internal sealed class ExtensionApproveHandler(DecideExtension decide) : IBlockActionHandler
{
    public string ActionId => ExtensionKeys.Approve;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        decide.DecideAsync(payload, action, approve: true, cancellationToken);
}
