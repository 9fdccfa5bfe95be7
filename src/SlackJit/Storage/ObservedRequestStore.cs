using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// The store as the app uses it when something watches requests change (<see cref="IRequestObserver"/>): every call
/// goes to the adapter, and each create (alone or with its slots) and visible transition that lands is told to the
/// observers. A write that lost
/// a race changed nothing and is not told.
/// </summary>
internal sealed class ObservedRequestStore(IAccessRequestStore inner, IReadOnlyList<IRequestObserver> observers)
    : IAccessRequestStore, IRequestHistory, ISlotStore, IStoreInitializer, IDisposable
{
    public async Task<CreateResult> CreateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var result = await inner.CreateAsync(request, cancellationToken);
        if (result == CreateResult.Created)
        {
            Tell(request);
        }
        return result;
    }

    public async Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var result = await inner.ApplyAsync(transition, cancellationToken);
        // Quiet transitions (a new due time, where a message lives) change nothing a person sees.
        if (result.Applied && (transition.Event is not null || transition.FromStatus != transition.Next.Status))
        {
            Tell(transition.Next);
        }
        return result;
    }

    // SQLite counts the requester's caps and creates the request in one transaction: that is a create too.
    public async Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await ((ISlotStore)inner).TryCreateWithinCapsAsync(request, caps, now, cancellationToken);
        if (outcome is { Result: CreateResult.Created })
        {
            Tell(request);
        }
        return outcome;
    }

    private void Tell(AccessRequest request)
    {
        foreach (var observer in observers)
        {
            observer.Changed(request);
        }
    }

    public Task<AccessRequest?> GetAsync(Guid id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.GetDueAsync(now, limit, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetOpenAsync(int limit, CancellationToken cancellationToken) =>
        inner.GetOpenAsync(limit, cancellationToken);

    public Task<IReadOnlyList<AccessRequest>> GetByRequesterAsync(SlackIdentity requester, int limit, CancellationToken cancellationToken) =>
        inner.GetByRequesterAsync(requester, limit, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);

    public IAsyncEnumerable<AccessRequest> ReadCreatedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ((IRequestHistory)inner).ReadCreatedAsync(from, to, cancellationToken);

    public Task<IReadOnlyDictionary<string, SlotValue>> GetSlotsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        ((ISlotStore)inner).GetSlotsAsync(keys, cancellationToken);

    public Task<bool> TrySetSlotAsync(string key, SlotValue? expected, SlotValue value, CancellationToken cancellationToken) =>
        ((ISlotStore)inner).TrySetSlotAsync(key, expected, value, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        inner is IStoreInitializer initializer ? initializer.InitializeAsync(cancellationToken) : Task.CompletedTask;

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
