using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// A store that hands every call to <see cref="Inner"/>: the base of the decorators that watch what the store does
/// (<see cref="ObservedRequestStore"/>, the metrics'). They override only the calls they watch.
/// </summary>
internal abstract class ForwardingRequestStore(IAccessRequestStore inner)
    : IAccessRequestStore, IRequestHistory, ISlotStore, IStoreInitializer, IDisposable
{
    public IAccessRequestStore Inner => inner;

    public virtual Task<CreateResult> CreateAsync(AccessRequest request, CancellationToken cancellationToken) =>
        inner.CreateAsync(request, cancellationToken);

    public virtual Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken) =>
        inner.ApplyAsync(transition, cancellationToken);

    public virtual Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken) =>
        Slots.TryCreateWithinCapsAsync(request, caps, now, cancellationToken);

    public Task<AccessRequest?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDueAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetOpenAsync(int limit, CancellationToken cancellationToken) =>
        inner.GetOpenAsync(limit, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetByRequesterAsync(SlackIdentity requester, int limit, CancellationToken cancellationToken) =>
        inner.GetByRequesterAsync(requester, limit, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, SlotValue>> GetSlotsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Slots.GetSlotsAsync(keys, cancellationToken);

    public Task<bool> TrySetSlotAsync(string key, SlotValue? expected, SlotValue value, CancellationToken cancellationToken) =>
        Slots.TrySetSlotAsync(key, expected, value, cancellationToken);

    public IAsyncEnumerable<AccessRequest> ReadCreatedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        inner is IRequestHistory history
            ? history.ReadCreatedAsync(from, to, cancellationToken)
            : throw new NotSupportedException($"{inner.GetType().Name} cannot read requests by creation time.");

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        inner is IStoreInitializer initializer ? initializer.InitializeAsync(cancellationToken) : Task.CompletedTask;

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private ISlotStore Slots => inner as ISlotStore
        ?? throw new InvalidOperationException("The wrapped request store keeps no slots (ISlotStore); the per-requester caps need them.");
}
