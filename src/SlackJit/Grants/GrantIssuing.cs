using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Grants;

/// <summary>
/// Issues an approved request: claim (Approved → Issuing with a lease, so one worker calls STS), make sure the
/// requester's DM exists and is recorded, call STS, edit the DM with the credentials, then Issuing → Active and
/// update the card. A crash anywhere leaves the request Issuing; once the lease runs out the sweeper claims it
/// again and the same DM is reused. Every failure ends as a retry with back-off or as Failed, told to everyone.
/// </summary>
internal sealed class GrantIssuing(
    IAccessRequestStore store,
    CredentialDelivery delivery,
    GrantDm dm,
    IApprovalCards cards,
    LeaseHeartbeat heartbeat,
    IOptions<LifecycleOptions> lifecycle,
    TimeProvider time,
    ILogger<GrantIssuing> logger)
{
    private const string IssueHolderPrefix = "issue:";

    public async Task<IssueResult> IssueAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            GrantsLog.NotClaimed(logger, requestId, "no such request");
            return IssueResult.NotClaimed;
        }
        return await IssueAsync(request, cancellationToken);
    }

    public async Task<IssueResult> IssueAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        using var span = SlackJitTelemetry.StartRequestSpan("grant.issue", request.Id);
        var result = await IssueClaimedAsync(request, cancellationToken);
        span?.SetTag(SlackJitTelemetry.OutcomeTag, result.ToString());
        return result;
    }

    private async Task<IssueResult> IssueClaimedAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var options = lifecycle.Value;
        var now = time.GetUtcNow();

        // A live worker keeps its lease slot fresh even when the request's own lease time has passed: leave it be.
        if (request.Status == RequestStatus.Issuing && await heartbeat.IsHeldAsync(request.Id, IssueHolderPrefix, cancellationToken))
        {
            GrantsLog.NotClaimed(logger, request.Id, "a live worker holds its lease");
            return IssueResult.NotClaimed;
        }

        // A request that keeps crashing its worker (or keeps failing) stops here rather than looping forever.
        if (request.Status is RequestStatus.Approved or RequestStatus.Issuing && AccessRequests.StatusDueAt(request) <= now
            && request.IssueAttempts >= options.MaxIssueAttempts)
        {
            return await FailAsync(request, "TooManyAttempts",
                $"Issuing did not complete in {options.MaxIssueAttempts} attempts. Last error: {LastError(request) ?? "none recorded (the worker stopped)"}",
                $"SlackJit tried {options.MaxIssueAttempts} times without success", cancellationToken);
        }

        var claim = Transitions.ClaimIssuance(request, now, options.IssueLease);
        if (!claim.IsAllowed)
        {
            GrantsLog.NotClaimed(logger, request.Id, claim.Refusal.Reason.ToString());
            return IssueResult.NotClaimed;
        }
        var won = await store.ApplyAsync(claim.Transition, cancellationToken);
        if (!won.Applied || won.Current is not { } claimed)
        {
            GrantsLog.NotClaimed(logger, request.Id, "another worker claimed it first");
            return IssueResult.NotClaimed;
        }
        await using var lease = await heartbeat.HoldAsync(claimed.Id, IssueHolderPrefix + claimed.IssueAttempts, cancellationToken);
        return await IssueClaimedAsync(claimed, lease, now, cancellationToken);
    }

    private async Task<IssueResult> IssueClaimedAsync(AccessRequest claimed, LeaseHold lease, DateTimeOffset now, CancellationToken cancellationToken)
    {

        if (AccessRequests.WindowEnd(claimed) is not { } windowEnd || windowEnd <= now)
        {
            return await FailAsync(claimed, "WindowClosed",
                "The approved window ended before credentials could be issued (SlackJit was down, or issuing kept failing).",
                "the approved window ended before they could be issued", cancellationToken);
        }

        // The DM exists (and its place is stored) before any secret does: a re-claim edits it, never posts another.
        AccessRequest? owned;
        try
        {
            owned = await dm.EnsureAsync(claimed, latest => latest.Status == RequestStatus.Issuing && latest.IssueAttempts == claimed.IssueAttempts, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            GrantsLog.SlackFailed(logger, claimed.Id, ex.Method, ex.Error);
            return await RetryOrFailAsync(claimed, "Slack:" + ex.Error, $"Slack {ex.Method} failed: {ex.Error}.", cancellationToken);
        }
        if (owned is null)
        {
            return IssueResult.Abandoned;
        }

        var outcome = await delivery.MintAsync(owned, windowEnd, cancellationToken);
        return outcome switch
        {
            IssueOutcome.Issued issued => await DeliverAsync(owned, issued, windowEnd, lease, cancellationToken),
            IssueOutcome.Refused { Transient: true } refused => await RetryOrFailAsync(owned, refused.Code, refused.Message, cancellationToken),
            IssueOutcome.Refused refused => await FailAsync(owned, refused.Code, refused.Message, $"AWS refused to issue them (`{refused.Code}`)", cancellationToken),
            _ => throw new InvalidOperationException($"Unknown issue outcome {outcome.GetType().Name}."),
        };
    }

    private async Task<IssueResult> DeliverAsync(
        AccessRequest request, IssueOutcome.Issued issued, DateTimeOffset windowEnd, LeaseHold lease, CancellationToken cancellationToken)
    {
        var credentials = issued.Credentials;
        if (!lease.IsHeld)
        {
            // Someone may have claimed it again already; the DM is theirs to fill now.
            GrantsLog.LeaseLost(logger, request.Id, credentials.AccessKeyId);
            return IssueResult.Abandoned;
        }

        Delivery delivered;
        try
        {
            // Only this claim may activate: a request re-claimed meanwhile (a new version) is someone else's now.
            delivered = await delivery.DeliverAsync(request, issued, windowEnd, renewed: false, (current, grant) =>
                current.Status == RequestStatus.Issuing && current.IssueAttempts == request.IssueAttempts
                    ? Transitions.Activate(current, grant, time.GetUtcNow())
                    : Refusal.Worded(RefusalReason.LeaseHeld, $"{request.ShortId} moved while its credentials were delivered."),
                cancellationToken);
        }
        catch (SlackApiException ex)
        {
            // Undelivered credentials are never kept anywhere; the next attempt mints fresh ones.
            GrantsLog.SlackFailed(logger, request.Id, ex.Method, ex.Error);
            return await RetryOrFailAsync(request, "Slack:" + ex.Error, $"Slack {ex.Method} failed: {ex.Error}.", cancellationToken);
        }

        switch (delivered.Status)
        {
            case DeliveryStatus.TooLarge:
                return await FailAsync(request, "CredentialsTooLarge",
                    "STS returned a credential longer than a Slack message section holds (3000 characters); it cannot be delivered.",
                    "the credentials were too long for a Slack message", cancellationToken);
            case DeliveryStatus.Recorded:
                GrantsLog.Activated(logger, delivered.Request.Id, credentials.AccessKeyId, credentials.Expiration);
                await cards.UpdateAsync(delivered.Request, cancellationToken);
                return IssueResult.Activated;
            default:
                return IssueResult.Abandoned;
        }
    }

    private async Task<IssueResult> RetryOrFailAsync(AccessRequest request, string code, string message, CancellationToken cancellationToken)
    {
        var options = lifecycle.Value;
        if (request.IssueAttempts >= options.MaxIssueAttempts)
        {
            return await FailAsync(request, code, $"Gave up after {request.IssueAttempts} attempts. {message}",
                $"SlackJit tried {request.IssueAttempts} times without success", cancellationToken);
        }

        var now = time.GetUtcNow();
        var retryAt = now + options.RetryDelay(request.IssueAttempts);
        var release = Transitions.ReleaseIssuance(request, now, retryAt, $"{code}: {message}");
        if (!release.IsAllowed || !(await store.ApplyAsync(release.Transition, cancellationToken)).Applied)
        {
            // The lease ran out and someone else has it now; their run decides.
            return IssueResult.Abandoned;
        }
        GrantsLog.Retrying(logger, request.Id, code, request.IssueAttempts, retryAt);
        return IssueResult.Retrying;
    }

    /// <param name="operatorMessage">What to fix, for the card and the log.</param>
    /// <param name="requesterReason">What the requester reads after "could not be issued:".</param>
    private async Task<IssueResult> FailAsync(
        AccessRequest request, string code, string operatorMessage, string requesterReason, CancellationToken cancellationToken)
    {
        var fail = Transitions.Fail(request, code, operatorMessage, time.GetUtcNow());
        if (!fail.IsAllowed)
        {
            GrantsLog.NotClaimed(logger, request.Id, fail.Refusal.Reason.ToString());
            return IssueResult.NotClaimed;
        }
        var applied = await store.ApplyAsync(fail.Transition, cancellationToken);
        if (!applied.Applied || applied.Current is not { } failed)
        {
            return IssueResult.NotClaimed;
        }

        GrantsLog.Failed(logger, failed.Id, code, operatorMessage);
        await dm.TellAsync(failed, GrantNotices.Failed(failed, requesterReason), cancellationToken);
        await cards.UpdateAsync(failed, cancellationToken);
        return IssueResult.Failed;
    }

    private static string? LastError(AccessRequest request) =>
        request.Events.LastOrDefault(e => e.Action == AuditActions.IssueReleased)?.Detail;
}
