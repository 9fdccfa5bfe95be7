namespace SlackJit.Storage;

/// <summary>
/// What <see cref="ISlotStore.TryCreateClaimingAsync"/> did: created the request with every claim, or wrote nothing,
/// either because claim number <see cref="FullClaim"/> found all of its slots busy (<see cref="Busy"/> of them) or
/// because a request with the same id already exists.
/// </summary>
public readonly record struct SlotClaimOutcome(CreateResult Result, int FullClaim, int Busy)
{
    public static SlotClaimOutcome Created => new(CreateResult.Created, -1, 0);

    public static SlotClaimOutcome IdTaken => new(CreateResult.AlreadyExists, -1, 0);

    /// <summary>Nothing was written: claim <paramref name="claim"/> found its <paramref name="busy"/> slots busy.</summary>
    public static SlotClaimOutcome Full(int claim, int busy) => new(CreateResult.AlreadyExists, claim, busy);

    /// <summary>A claim found no free slot (then <see cref="Result"/> says nothing was created).</summary>
    public bool IsFull => FullClaim >= 0;
}
