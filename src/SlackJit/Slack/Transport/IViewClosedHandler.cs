namespace SlackJit.Slack.Transport;

/// <summary>Observes modals with one <c>callback_id</c> being cancelled. Register with <c>services.AddViewClosedHandler&lt;T&gt;()</c>.</summary>
internal interface IViewClosedHandler
{
    /// <summary>The view's <c>callback_id</c>; matched exactly.</summary>
    string CallbackId { get; }

    Task HandleAsync(ViewClosedPayload payload, CancellationToken cancellationToken);
}
