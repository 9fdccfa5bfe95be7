namespace SlackJit.Lifecycle;

/// <summary>Starts issuing for a request that has just become Approved (after the ack).</summary>
public interface IIssuanceScheduler
{
    /// <summary>Queues issuing; if the queue refuses, the sweeper issues it when its <c>DueAt</c> comes.</summary>
    void Schedule(Guid requestId);
}
