using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Telemetry;

/// <summary>
/// Counts what the audit trail records, as it is recorded: every transition that lands in the store (and only
/// those: a write that lost a race changed nothing) is measured from its audit event. So decisions, grants issued and
/// ended, and issuing failures are counted once per replica that made them, from the same facts the audit export reads,
/// whichever code path wrote them.
/// </summary>
internal sealed class MeteredRequestStore(IAccessRequestStore inner, SlackJitMetrics metrics) : ForwardingRequestStore(inner)
{
    // Creates and slot writes are not transitions and move no metric.
    public override async Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken)
    {
        var result = await base.ApplyAsync(transition, cancellationToken);
        if (result.Applied)
        {
            TransitionMetrics.Record(metrics, transition);
        }
        return result;
    }
}
