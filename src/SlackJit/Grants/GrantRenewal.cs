using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// Fresh credentials within the approved window, into the same DM. Two steps, so a double click calls STS once:
/// <see cref="ClaimAsync"/> writes a version-conditioned claim (the second of two concurrent clicks loses the
/// write, and a later click sees the claim and is refused while it holds); <see cref="RenewAsync"/> then calls
/// STS, edits the DM (the old secrets disappear with the edit) and writes <see cref="Transitions.Renew"/>.
/// </summary>
internal sealed class GrantRenewal(
    IAccessRequestStore store,
    CredentialDelivery delivery,
    SlackMessenger messenger,
    LeaseHeartbeat heartbeat,
    IOptions<LifecycleOptions> lifecycle,
    TimeProvider time,
    ILogger<GrantRenewal> logger) : IWorkHandler<RenewGrant>
{
    private const string RenewHolderPrefix = "renew:";

    /// <summary>The claimed request, or the refusal to show the clicker.</summary>
    public async Task<(AccessRequest? Claimed, Refusal? Refusal)> ClaimAsync(AccessRequest request, string actorId, CancellationToken cancellationToken)
    {
        // The claim's own lease is short; a renewal still working keeps its lease slot fresh.
        var last = request.Events.LastOrDefault(e => e.Action is AuditActions.RenewStarted or AuditActions.RenewFailed or AuditActions.Renewed);
        if (actorId == request.Requester.UserId && last?.Action == AuditActions.RenewStarted
            && await heartbeat.IsHeldAsync(request.Id, RenewHolderPrefix, cancellationToken))
        {
            return (null, new Refusal(RefusalReason.LeaseHeld, new RefusalFacts { RequestId = request.ShortId, Status = request.Status }));
        }

        var write = await store.ApplyDecidingAgainAsync(
            request, current => Transitions.ClaimRenewal(current, actorId, time.GetUtcNow(), lifecycle.Value.IssueLease), cancellationToken);
        return write.Status switch
        {
            DecidedWriteStatus.Applied => (write.Current, null),
            DecidedWriteStatus.Refused => (null, write.Refusal),
            _ => (null, Refusal.Worded(RefusalReason.LeaseHeld, $"{request.ShortId} is changing right now; try again in a moment.")),
        };
    }

    public Task HandleAsync(RenewGrant work, CancellationToken cancellationToken) => RenewAsync(work.Claimed, work.Reply, cancellationToken);

    /// <summary>Renews a claimed request; what went wrong is told to <paramref name="reply"/>.</summary>
    public async Task<bool> RenewAsync(AccessRequest claimed, ReplyTarget reply, CancellationToken cancellationToken)
    {
        if (claimed.Grant is not { } grant)
        {
            return false;
        }

        await using var lease = await heartbeat.HoldAsync(claimed.Id, RenewHolderPrefix + claimed.Version, cancellationToken);
        return await RenewClaimedAsync(claimed, grant, reply, cancellationToken);
    }

    private async Task<bool> RenewClaimedAsync(AccessRequest claimed, GrantInfo grant, ReplyTarget reply, CancellationToken cancellationToken)
    {

        if (grant.WindowEnd - time.GetUtcNow() < SessionLimits.StsMinimum)
        {
            await GiveUpAsync(claimed, reply, "WindowClosing",
                $"Less than {SessionLimits.StsMinimum.TotalMinutes:0} minutes of the window remain; your current credentials work until {SlackDates.DateAtTime(grant.SessionExpiry)}.",
                cancellationToken);
            return false;
        }

        var outcome = await delivery.MintAsync(claimed, grant.WindowEnd, cancellationToken);
        if (outcome is IssueOutcome.Refused refused)
        {
            var retry = refused.Transient ? " AWS is busy; try again in a minute." : " The SlackJit operator has been told.";
            await GiveUpAsync(claimed, reply, refused.Code,
                $"Your credentials could not be renewed: AWS answered `{refused.Code}`.{retry} The current ones work until {SlackDates.DateAtTime(grant.SessionExpiry)}.",
                cancellationToken);
            return false;
        }

        var issued = (IssueOutcome.Issued)outcome;
        Delivery? delivered;
        try
        {
            delivered = await delivery.RedeliverAsync(
                claimed, issued, grant.WindowEnd, (current, renewed) => Transitions.Renew(current, renewed, time.GetUtcNow()), cancellationToken);
        }
        catch (SlackApiException ex)
        {
            GrantsLog.SlackFailed(logger, claimed.Id, ex.Method, ex.Error);
            await GiveUpAsync(claimed, reply, "Slack:" + ex.Error,
                $"Slack did not accept the new credentials; the current ones work until {SlackDates.DateAtTime(grant.SessionExpiry)}. Try again in a minute.",
                cancellationToken);
            return false;
        }

        switch (delivered?.Status)
        {
            case DeliveryStatus.TooLarge:
                await GiveUpAsync(claimed, reply, "CredentialsTooLarge", "The new credentials were too long for a Slack message.", cancellationToken);
                return false;
            case DeliveryStatus.Recorded:
                GrantsLog.Renewed(logger, claimed.Id, issued.Credentials.AccessKeyId, issued.Credentials.Expiration);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Releases the claim (an audit line) so the requester can press again, and tells them why.</summary>
    private async Task GiveUpAsync(AccessRequest claimed, ReplyTarget reply, string code, string text, CancellationToken cancellationToken)
    {
        GrantsLog.RenewFailed(logger, claimed.Id, code);
        await store.ApplyDecidingAgainAsync(
            claimed, current => Transitions.RecordAttempt(current, AuditEvent.SystemActor, AuditActions.RenewFailed, code, time.GetUtcNow()), cancellationToken);
        await messenger.EphemeralAsync(reply, claimed.Id, text, cancellationToken);
    }
}
