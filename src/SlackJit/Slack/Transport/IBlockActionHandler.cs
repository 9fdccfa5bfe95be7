namespace SlackJit.Slack.Transport;

/// <summary>Answers clicks on one <c>action_id</c>. Register with <c>services.AddBlockActionHandler&lt;T&gt;()</c>.</summary>
/// <remarks>
/// Slack ignores most bodies for block actions; update messages through <c>response_url</c> or
/// <c>chat.update</c>. Clicks can arrive twice: handlers must be idempotent on the request's state.
/// </remarks>
internal interface IBlockActionHandler
{
    /// <summary>The element's <c>action_id</c>; matched exactly.</summary>
    string ActionId { get; }

    Task<SlackResponse> HandleAsync(BlockActionsPayload payload, BlockAction action, CancellationToken cancellationToken);
}
