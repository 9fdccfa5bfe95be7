using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// Ends a grant: by the clock (Active → Expired), by the requester or by an approver (Active → Ended; its credentials
/// are then revoked in AWS by <see cref="GrantRevocation"/>). The DM is cleaned first and the transition written after,
/// with the clean-up's outcome on the record (docs/REVOCATION.md, "The DM clean-up").
/// The transition never waits for Slack: when Slack refuses the clean-up, it is written anyway, saying the DM clean-up
/// is failing (the close's own audit event says so). An Expired request is then due again after the clean-up's
/// back-off (<see cref="DueDmCleanups"/>); an Ended one's revocation checks try it again first, then the back-off.
/// </summary>
internal sealed class GrantClosing(IAccessRequestStore store, GrantDmCleanup cleanup, IApprovalCards cards, TimeProvider time, ILogger<GrantClosing> logger)
{
    /// <summary>Expires a due Active request. True when the expiry landed; false when it was not due or another worker won.</summary>
    public async Task<bool> ExpireAsync(AccessRequest request, CancellationToken cancellationToken) =>
        (await CloseAsync(request, (current, now) => Transitions.Expire(current, now), cancellationToken)).Applied;

    /// <summary>The requester is done early. The refusal (not theirs, not active) is for the clicker.</summary>
    public async Task<Refusal?> EndAsync(AccessRequest request, string actorId, CancellationToken cancellationToken)
    {
        var write = await CloseAsync(request, (current, now) => Transitions.End(current, actorId, now), cancellationToken);
        return write.Applied
            ? null
            : write.Refusal ?? Refusal.Worded(RefusalReason.WrongStatus, "SlackJit could not record that just now; press the button again in a moment.");
    }

    /// <summary>An approver revokes a live grant. Whether they may is the caller's check (any approver of the entry).</summary>
    public Task<DecidedWrite> RevokeAsync(AccessRequest request, string approverId, CancellationToken cancellationToken) =>
        CloseAsync(request, (current, now) => Transitions.Revoke(current, approverId, now), cancellationToken);

    private async Task<DecidedWrite> CloseAsync(
        AccessRequest request, Func<AccessRequest, DateTimeOffset, TransitionDecision> decide, CancellationToken cancellationToken)
    {
        // A renewal or another close may land meanwhile: decided again (and the DM cleaned again) on what is stored now.
        var write = await store.ApplyDecidingAgainAsync(
            request, current => decide(current, time.GetUtcNow()), cancellationToken,
            beforeWrite: async (transition, ct) =>
            {
                var scrub = await cleanup.ScrubAsync(transition.Next, ct);
                return scrub.State is { } state
                    ? Transitions.WithDmCleanup(transition, state, scrub.Error, cleanup.RetryAt(transition.Next), time.GetUtcNow())
                    : transition;
            });
        if (write.Applied)
        {
            GrantsLog.Closed(logger, write.Current.Id, write.Current.Status, write.Current.DmCleanup?.State);
            cleanup.Report(write.Current);
            await cards.UpdateAsync(write.Current, cancellationToken);
        }
        return write;
    }
}
