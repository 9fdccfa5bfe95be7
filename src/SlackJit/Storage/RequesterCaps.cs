namespace SlackJit.Storage;

/// <summary>
/// The per-requester caps a new request must fit under, for a store that checks them itself inside the transaction
/// that creates the request (<see cref="ISlotStore.TryCreateWithinCapsAsync"/>).
/// </summary>
/// <param name="MaxPending">
/// How many open pending requests (Pending, deadline not passed) the requester may already have; null when the new
/// request is never pending (break-glass) and this cap does not apply.
/// </param>
/// <param name="MaxInWindow">How many requests the requester may have made within <paramref name="Window"/>.</param>
/// <param name="Window">The rate window, ending now.</param>
public sealed record RequesterCaps(int? MaxPending, int MaxInWindow, TimeSpan Window);
