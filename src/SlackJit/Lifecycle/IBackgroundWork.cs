namespace SlackJit.Lifecycle;

/// <summary>
/// Runs work after Slack's ack. Everything queued here must also be recoverable by the sweeper
/// (the request's <c>DueAt</c> says so), because a crash or a full queue drops queued work.
/// </summary>
public interface IBackgroundWork
{
    /// <summary>Queues <paramref name="work"/>; false when the queue is full or stopping (the sweeper will pick it up).</summary>
    bool TryEnqueue(string name, Func<IServiceProvider, CancellationToken, Task> work);
}
