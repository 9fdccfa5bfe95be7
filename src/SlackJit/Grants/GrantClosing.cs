using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// Ends a grant: by the clock (Active → Expired) or by the requester (Active → Ended). The DM is scrubbed
/// first and the transition written after, so a crash in between leaves the request Active and due, and
/// the sweeper finishes it; a scrubbed DM is never left beside a grant that still shows as active for long.
/// </summary>
internal sealed class GrantClosing(IAccessRequestStore store, GrantDm dm, IApprovalCards cards, TimeProvider time, ILogger<GrantClosing> logger)
{
    private const int MaxConflicts = 3;

    /// <summary>Expires a due Active request. False when it was not due, Slack is failing (retried next sweep), or another worker won.</summary>
    public Task<bool> ExpireAsync(AccessRequest request, CancellationToken cancellationToken) =>
        CloseAsync(request, (current, now) => Transitions.Expire(current, now), cancellationToken);

    /// <summary>The requester is done early. The refusal (not theirs, not active) is for the clicker.</summary>
    public async Task<Refusal?> EndAsync(AccessRequest request, string actorId, CancellationToken cancellationToken)
    {
        Refusal? refusal = null;
        var ended = await CloseAsync(request, (current, now) =>
        {
            var decision = Transitions.End(current, actorId, now);
            refusal = decision.Refusal;
            return decision;
        }, cancellationToken);
        return ended ? null : refusal ?? new Refusal(RefusalReason.WrongStatus, "Slack did not accept the update just now; press the button again in a moment.");
    }

    private async Task<bool> CloseAsync(
        AccessRequest request, Func<AccessRequest, DateTimeOffset, TransitionDecision> decide, CancellationToken cancellationToken)
    {
        var current = request;
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var decision = decide(current, time.GetUtcNow());
            if (!decision.IsAllowed)
            {
                return false;
            }

            var next = decision.Transition.Next;
            if (!await dm.ScrubAsync(next, cancellationToken))
            {
                return false;
            }

            var result = await store.ApplyAsync(decision.Transition, cancellationToken);
            if (result.Applied && result.Current is { } closed)
            {
                GrantsLog.Closed(logger, closed.Id, closed.Status);
                await cards.UpdateAsync(closed, cancellationToken);
                return true;
            }
            if (result.Current is not { } latest)
            {
                return false;
            }
            // A renewal or another close landed meanwhile; decide again on what is stored now.
            current = latest;
        }
        return false;
    }
}
