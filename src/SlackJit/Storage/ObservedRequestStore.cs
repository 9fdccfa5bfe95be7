using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// The store as the app uses it when something watches requests change (<see cref="IRequestObserver"/>): every call
/// goes to the adapter, and each create (alone or within the requester's caps) and visible transition that lands is
/// told to the observers. A write that lost a race changed nothing and is not told.
/// </summary>
internal sealed class ObservedRequestStore(IAccessRequestStore inner, IReadOnlyList<IRequestObserver> observers)
    : ForwardingRequestStore(inner)
{
    public override async Task<CreateResult> CreateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var result = await base.CreateAsync(request, cancellationToken);
        if (result == CreateResult.Created)
        {
            Tell(request);
        }
        return result;
    }

    public override async Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var result = await base.ApplyAsync(transition, cancellationToken);
        // Quiet transitions (a new due time, where a message lives) change nothing a person sees.
        if (result.Applied && (transition.Event is not null || transition.FromStatus != transition.Next.Status))
        {
            Tell(transition.Next);
        }
        return result;
    }

    // SQLite counts the requester's caps and creates the request in one transaction: that is a create too.
    public override async Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await base.TryCreateWithinCapsAsync(request, caps, now, cancellationToken);
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
}
