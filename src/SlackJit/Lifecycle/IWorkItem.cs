namespace SlackJit.Lifecycle;

/// <summary>
/// Work left for after Slack's ack: a record that carries only data. The handler registered for its type
/// (<see cref="IWorkHandler{TWork}"/>) runs it on the work queue.
/// </summary>
public interface IWorkItem
{
    /// <summary>A short name for the log, e.g. "post-card 3F2A9C".</summary>
    string Name { get; }
}
