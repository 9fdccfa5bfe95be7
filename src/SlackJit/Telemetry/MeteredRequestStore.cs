using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Telemetry;

/// <summary>
/// Counts what the audit trail records, as it is recorded: every transition that lands in the store (and only
/// those: a write that lost a race changed nothing) is measured from its audit event. So decisions, grants issued and
/// ended, and issuing failures are counted once per replica that made them, from the same facts the audit export reads,
/// whichever code path wrote them.
/// </summary>
internal sealed class MeteredRequestStore(IAccessRequestStore inner, SlackJitMetrics metrics)
    : IAccessRequestStore, IRequestHistory, ISlotStore, IStoreInitializer, IDisposable
{
    public IAccessRequestStore Inner => inner;

    public Task<CreateResult> CreateAsync(AccessRequest request, CancellationToken cancellationToken) =>
        inner.CreateAsync(request, cancellationToken);

    public Task<AccessRequest?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public async Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken)
    {
        var result = await inner.ApplyAsync(transition, cancellationToken);
        if (result.Applied)
        {
            TransitionMetrics.Record(metrics, transition);
        }
        return result;
    }

    public Task<IReadOnlyList<AccessRequest>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDueAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetOpenAsync(int limit, CancellationToken cancellationToken) =>
        inner.GetOpenAsync(limit, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetByRequesterAsync(SlackIdentity requester, int limit, CancellationToken cancellationToken) =>
        inner.GetByRequesterAsync(requester, limit, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    // The per-requester caps' slots live in the same store; slot writes are not transitions and move no metric.
    public Task<IReadOnlyDictionary<string, SlotValue>> GetSlotsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Slots.GetSlotsAsync(keys, cancellationToken);

    public Task<bool> TrySetSlotAsync(string key, SlotValue? expected, SlotValue value, CancellationToken cancellationToken) =>
        Slots.TrySetSlotAsync(key, expected, value, cancellationToken);

    // Creating is not a transition either (CreateAsync above counts nothing).
    public Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken) =>
        Slots.TryCreateWithinCapsAsync(request, caps, now, cancellationToken);

    private ISlotStore Slots => inner as ISlotStore
        ?? throw new InvalidOperationException("The wrapped request store keeps no slots (ISlotStore); the per-requester caps need them.");

    public IAsyncEnumerable<AccessRequest> ReadCreatedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner is IRequestHistory history
            ? history.ReadCreatedAsync(from, to, cancellationToken)
            : throw new NotSupportedException($"{inner.GetType().Name} cannot read requests by creation time.");

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        inner is IStoreInitializer initializer ? initializer.InitializeAsync(cancellationToken) : Task.CompletedTask;

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
