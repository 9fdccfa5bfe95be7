using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// The one way SlackJit writes a decision: decide on the state in hand, apply it as a conditional write, and when
/// another writer got there first decide again on what is stored now. Every writer (clicks, the card, issuing,
/// renewing, closing) races others only briefly, so <see cref="MaxAttempts"/> bounds the loop for all of them.
/// </summary>
public static class DecideAgainOnConflict
{
    /// <summary>Writes tried per decision: only concurrent approvals of one pending request ever need more than one.</summary>
    public const int MaxAttempts = 5;

    /// <param name="decide">The domain's transition for a state (called again after each conflict).</param>
    /// <param name="beforeWrite">
    /// Optional step between deciding and writing (e.g. clearing a DM before the grant shows as ended): returns the
    /// transition to write (the decided one, or it with what the step found), or null to stop.
    /// </param>
    public static async Task<DecidedWrite> ApplyDecidingAgainAsync(
        this IAccessRequestStore store,
        AccessRequest current,
        Func<AccessRequest, TransitionDecision> decide,
        CancellationToken cancellationToken,
        Func<Transition, CancellationToken, Task<Transition?>>? beforeWrite = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var decision = decide(current);
            if (!decision.IsAllowed)
            {
                return new DecidedWrite(DecidedWriteStatus.Refused, current, decision.Refusal);
            }
            var transition = decision.Transition;
            if (beforeWrite is not null)
            {
                if (await beforeWrite(transition, cancellationToken) is not { } amended)
                {
                    return new DecidedWrite(DecidedWriteStatus.Stopped, current);
                }
                transition = amended;
            }

            var result = await store.ApplyAsync(transition, cancellationToken);
            if (result.Applied)
            {
                return new DecidedWrite(DecidedWriteStatus.Applied, result.Current ?? transition.Next);
            }
            if (result.Current is not { } latest)
            {
                return new DecidedWrite(DecidedWriteStatus.Gone, current);
            }
            current = latest;
        }
        return new DecidedWrite(DecidedWriteStatus.Contended, current);
    }
}
