using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// Told after a request is created or a transition people can see lands in the store (a new status, an approval, a
/// renewal — not bookkeeping such as a new due time). Called on the writer's path, often before Slack's ack: an
/// observer only records or queues, never waits. Registered as a singleton <see cref="IRequestObserver"/>; the store is wrapped (<see cref="ObservedRequestStore"/>) only when there is one.
/// </summary>
public interface IRequestObserver
{
    void Changed(AccessRequest request);
}
