using SlackJit.Slack.Transport;

namespace SlackJit.Grants;

/// <summary>Slack reports clicks on link buttons too; the browser already opened the console, so nothing to do.</summary>
internal sealed class GrantConsoleLinkHandler : IBlockActionHandler
{
    public string ActionId => GrantActionIds.ConsoleLink;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken) =>
        Task.FromResult(SlackResponse.Empty);
}
