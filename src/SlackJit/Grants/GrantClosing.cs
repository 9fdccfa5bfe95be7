using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// Ends a grant: by the clock (Active → Expired), by the requester or by an approver (Active → Ended; its credentials
/// are then revoked in AWS by <see cref="GrantRevocation"/>). The DM is scrubbed
/// first and the transition written after, so a crash in between leaves the request Active and due, and
/// the sweeper finishes it; a scrubbed DM is never left beside a grant that still shows as active for long.
/// </summary>
internal sealed class GrantClosing(IAccessRequestStore store, GrantDm dm, IApprovalCards cards, TimeProvider time, ILogger<GrantClosing> logger)
{
    /// <summary>Expires a due Active request. False when it was not due, Slack is failing (retried next sweep), or another worker won.</summary>
    public async Task<bool> ExpireAsync(AccessRequest request, CancellationToken cancellationToken) =>
        (await CloseAsync(request, (current, now) => Transitions.Expire(current, now), cancellationToken)).Applied;

    /// <summary>The requester is done early. The refusal (not theirs, not active) is for the clicker.</summary>
    public async Task<Refusal?> EndAsync(AccessRequest request, string actorId, CancellationToken cancellationToken)
    {
        var write = await CloseAsync(request, (current, now) => Transitions.End(current, actorId, now), cancellationToken);
        return write.Applied ? null : write.Refusal ?? Refusal.Worded(RefusalReason.WrongStatus, "Slack did not accept the update just now; press the button again in a moment.");
    }

    /// <summary>An approver revokes a live grant. Whether they may is the caller's check (any approver of the entry).</summary>
    public async Task<DecidedWrite> RevokeAsync(AccessRequest request, string approverId, CancellationToken cancellationToken) =>
        await CloseAsync(request, (current, now) => Transitions.Revoke(current, approverId, now), cancellationToken);

    private async Task<DecidedWrite> CloseAsync(
        AccessRequest request, Func<AccessRequest, DateTimeOffset, TransitionDecision> decide, CancellationToken cancellationToken)
    {
        // A renewal or another close may land meanwhile: decided again on what is stored now.
        var write = await store.ApplyDecidingAgainAsync(
            request, current => decide(current, time.GetUtcNow()), cancellationToken,
            beforeWrite: (transition, ct) => dm.ScrubAsync(transition.Next, ct));
        if (write.Applied)
        {
            GrantsLog.Closed(logger, write.Current.Id, write.Current.Status);
            await cards.UpdateAsync(write.Current, cancellationToken);
        }
        return write;
    }
}
