namespace SlackJit.Lifecycle;

/// <summary>
/// Runs work after Slack's ack. Everything queued here must also be recoverable by the sweeper
/// (the request's <c>DueAt</c> says so), because a crash or a full queue drops queued work.
/// </summary>
public interface IWorkQueue
{
    /// <summary>Queues <paramref name="work"/> for its handler; false when the queue is full or stopping (the sweeper will pick it up).</summary>
    bool TryEnqueue<TWork>(TWork work)
        where TWork : IWorkItem;
}
