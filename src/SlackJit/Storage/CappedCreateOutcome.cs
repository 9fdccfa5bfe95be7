namespace SlackJit.Storage;

/// <summary>Which of <see cref="RequesterCaps"/> a new request did not fit under.</summary>
public enum RequesterCap
{
    Pending,
    Rate,
}

/// <summary>
/// What <see cref="ISlotStore.TryCreateWithinCapsAsync"/> did: created the request, or wrote nothing, either because
/// the requester already had <see cref="Count"/> requests against cap <see cref="Full"/> or because a request with
/// the same id exists.
/// </summary>
public readonly record struct CappedCreateOutcome(CreateResult Result, RequesterCap? Full, int Count)
{
    public static CappedCreateOutcome Created => new(CreateResult.Created, null, 0);

    public static CappedCreateOutcome IdTaken => new(CreateResult.AlreadyExists, null, 0);

    /// <summary>Nothing was written: the requester already has <paramref name="count"/> against <paramref name="cap"/>.</summary>
    public static CappedCreateOutcome Over(RequesterCap cap, int count) => new(CreateResult.AlreadyExists, cap, count);
}
