using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// Ends a grant: by the clock (Active → Expired), by the requester or by an approver (Active → Ended; its credentials
/// are then revoked in AWS by <see cref="GrantRevocation"/>). The DM is cleaned first and the transition written after,
/// with the clean-up's outcome on the record (docs/REVOCATION.md, "The DM clean-up").
/// When Slack refuses the clean-up, an expiry is not written: the request stays Active, records the failure and is
/// due again after a back-off, so a scrubbed DM is never left beside a grant that shows as active, nor an expired grant
/// beside a DM that still shows its credentials. An End or Revoke is written anyway (AWS must deny the credentials
/// whatever Slack does), saying the DM clean-up is failing; the revocation's checks try it again, then the back-off.
/// </summary>
internal sealed class GrantClosing(IAccessRequestStore store, GrantDmCleanup cleanup, IApprovalCards cards, TimeProvider time, ILogger<GrantClosing> logger)
{
    /// <summary>
    /// Expires a due Active request. True when a write of ours landed: the expiry, or a failed DM clean-up with its
    /// back-off. False when it was not due or another worker won.
    /// </summary>
    public async Task<bool> ExpireAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var (write, failed) = await CloseAsync(request, (current, now) => Transitions.Expire(current, now), waitForDm: true, cancellationToken);
        return write.Applied
            || (failed is not null && await cleanup.RecordFailureAsync(write.Current, failed, backOff: true, cancellationToken));
    }

    /// <summary>The requester is done early. The refusal (not theirs, not active) is for the clicker.</summary>
    public async Task<Refusal?> EndAsync(AccessRequest request, string actorId, CancellationToken cancellationToken)
    {
        var (write, _) = await CloseAsync(request, (current, now) => Transitions.End(current, actorId, now), waitForDm: false, cancellationToken);
        return write.Applied
            ? null
            : write.Refusal ?? Refusal.Worded(RefusalReason.WrongStatus, "SlackJit could not record that just now; press the button again in a moment.");
    }

    /// <summary>An approver revokes a live grant. Whether they may is the caller's check (any approver of the entry).</summary>
    public async Task<DecidedWrite> RevokeAsync(AccessRequest request, string approverId, CancellationToken cancellationToken) =>
        (await CloseAsync(request, (current, now) => Transitions.Revoke(current, approverId, now), waitForDm: false, cancellationToken)).Write;

    private async Task<(DecidedWrite Write, DmScrub? Failed)> CloseAsync(
        AccessRequest request, Func<AccessRequest, DateTimeOffset, TransitionDecision> decide, bool waitForDm, CancellationToken cancellationToken)
    {
        DmScrub? failed = null;
        // A renewal or another close may land meanwhile: decided again (and the DM cleaned again) on what is stored now.
        var write = await store.ApplyDecidingAgainAsync(
            request, current => decide(current, time.GetUtcNow()), cancellationToken,
            beforeWrite: async (transition, ct) =>
            {
                var scrub = await cleanup.ScrubAsync(transition.Next, ct);
                failed = scrub.Cleaned ? null : scrub;
                if (scrub.State is not { } state)
                {
                    return transition;
                }
                return scrub.Cleaned || !waitForDm
                    ? Transitions.WithDmCleanup(transition, state, scrub.Error, cleanup.RetryAt(transition.Next), time.GetUtcNow())
                    : null;
            });
        if (write.Applied)
        {
            GrantsLog.Closed(logger, write.Current.Id, write.Current.Status, write.Current.DmCleanup?.State);
            cleanup.Report(write.Current);
            await cards.UpdateAsync(write.Current, cancellationToken);
        }
        return (write, write.Status == DecidedWriteStatus.Stopped ? failed : null);
    }
}
