using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

internal sealed class TestActionHandler(HandlerProbe probe) : IBlockActionHandler
{
    public const string Id = "test_approve";

    public string ActionId => Id;

    public Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken)
    {
        probe.Actions.Enqueue((payload, action));
        return probe.OnAction(action, cancellationToken);
    }
}
