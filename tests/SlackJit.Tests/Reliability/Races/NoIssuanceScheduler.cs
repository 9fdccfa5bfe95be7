using SlackJit.Lifecycle;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// Stands for a host that dies right after an approval is written, before issuing runs: approvals are recorded
/// and the card updated, but the queued "advance now" items are dropped, so only a sweeper ever issues them.
/// </summary>
internal sealed class NoIssuanceScheduler : IWorkHandler<AdvanceRequest>
{
    private int _skipped;

    public int Skipped => Volatile.Read(ref _skipped);

    public Task HandleAsync(AdvanceRequest work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _skipped);
        return Task.CompletedTask;
    }
}
