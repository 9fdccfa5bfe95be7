using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Hosting;
using SlackJit.Lifecycle;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Grants;

/// <summary>
/// The DM clean-up when a grant ends (docs/REVOCATION.md, "The DM clean-up"): scrubs through <see cref="DmScrubber"/>,
/// records a failure on the request (a counter, not a list; due again after a doubling back-off) and makes it loud —
/// an Error log, a note on the approval card, a <c>/readyz</c> warning and a metric — until Slack confirms the
/// secrets are gone.
/// </summary>
internal sealed class GrantDmCleanup(
    IAccessRequestStore store,
    DmScrubber scrubber,
    GrantDm dm,
    IApprovalCards cards,
    ReadinessWarnings warnings,
    IOptions<LifecycleOptions> options,
    TimeProvider time,
    ILogger<GrantDmCleanup> logger,
    SlackJitMetrics? metrics = null)
{
    /// <summary>One attempt on <paramref name="closed"/>'s DM (as it is about to be written); counted when it fails.</summary>
    public async Task<DmScrub> ScrubAsync(AccessRequest closed, CancellationToken cancellationToken)
    {
        var scrub = await scrubber.ScrubAsync(closed, cancellationToken);
        if (!scrub.Cleaned)
        {
            metrics?.DmCleanupFailed(DmCleanup.CodeOf(scrub.Error));
        }
        return scrub;
    }

    /// <summary>
    /// Records a failed attempt on <paramref name="request"/> (the status stays) and raises the alarm. With
    /// <paramref name="backOff"/> the request is due again after the back-off; else its due time stays.
    /// True when the write landed.
    /// </summary>
    public async Task<bool> RecordFailureAsync(AccessRequest request, DmScrub failed, bool backOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(failed);
        var now = time.GetUtcNow();
        var write = await store.ApplyDecidingAgainAsync(request, current => Transitions.DmCleanupFailed(
            current, failed.Error ?? "unknown", backOff ? RetryAt(current) : null, now), cancellationToken);
        if (!write.Applied)
        {
            return false;
        }
        Report(write.Current);
        if (write.Current.DmCleanup!.FailedAttempts == 1)
        {
            // The card says so from the first failure on; later ones only change the counter and the log.
            await cards.UpdateAsync(write.Current, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// A closed request whose clean-up is failing: tries again and records the outcome. Otherwise only re-renders the
    /// closing notice when the DM is still there. True when a write landed.
    /// </summary>
    public async Task<bool> RetryAsync(AccessRequest closed, bool backOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        if (closed.DmCleanup is not { IsFailing: true })
        {
            if (closed.DmCleanup?.State is not (DmCleanupState.Deleted or DmCleanupState.Missing))
            {
                await dm.RewriteClosedAsync(closed, cancellationToken);
            }
            return false;
        }

        var scrub = await ScrubAsync(closed, cancellationToken);
        if (!scrub.Cleaned)
        {
            return await RecordFailureAsync(closed, scrub, backOff, cancellationToken);
        }
        var write = await store.ApplyDecidingAgainAsync(
            closed, current => Transitions.DmCleaned(current, scrub.State ?? DmCleanupState.Missing, time.GetUtcNow()), cancellationToken);
        if (write.Applied)
        {
            Report(write.Current);
            await cards.UpdateAsync(write.Current, cancellationToken);
        }
        return write.Applied;
    }

    /// <summary>Raises or clears the alarm for <paramref name="request"/> as written.</summary>
    public void Report(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = "dm-cleanup:" + request.Id;
        if (request.DmCleanup is not { IsFailing: true } failing)
        {
            warnings.Clear(key);
            return;
        }
        GrantsLog.DmCleanupFailing(logger, request.Id, failing.LastError ?? "unknown", failing.FailedAttempts, request.DueAt);
        warnings.Set(key,
            $"the DM of {request.ShortId} may still show credentials: its clean-up failed {failing.FailedAttempts} time(s), last {failing.LastError}");
    }

    /// <summary>When to try again if the attempt on <paramref name="request"/> now fails: after the back-off for one more failure.</summary>
    public DateTimeOffset RetryAt(AccessRequest request) => time.GetUtcNow() + options.Value.DmCleanupDelay(Failures(request) + 1);

    private static int Failures(AccessRequest request) => request.DmCleanup is { IsFailing: true } failing ? failing.FailedAttempts : 0;
}
