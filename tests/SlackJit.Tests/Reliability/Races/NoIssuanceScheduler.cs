using SlackJit.Lifecycle;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// Stands for a host that dies right after an approval is written, before issuing is queued: approvals are
/// recorded and the card updated, but only a sweeper ever issues them.
/// </summary>
internal sealed class NoIssuanceScheduler : IIssuanceScheduler
{
    private int _skipped;

    public int Skipped => Volatile.Read(ref _skipped);

    public void Schedule(Guid requestId) => Interlocked.Increment(ref _skipped);
}
