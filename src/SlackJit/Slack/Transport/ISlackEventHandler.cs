namespace SlackJit.Slack.Transport;

/// <summary>Handles one Events API event type. Register with <c>services.AddSlackEventHandler&lt;T&gt;()</c>.</summary>
/// <remarks>
/// Slack waits 3 s for the ack and retries otherwise, so a handler only decides and queues: the work (reading the
/// store, calling Slack) runs after the ack on the work queue.
/// </remarks>
internal interface ISlackEventHandler
{
    /// <summary>The inner event's <c>type</c>, e.g. <c>app_home_opened</c>.</summary>
    string EventType { get; }

    Task HandleAsync(SlackEvent slackEvent, CancellationToken cancellationToken);
}
