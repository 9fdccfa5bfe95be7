using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Storage;
using SlackJit.Telemetry;

namespace SlackJit.Grants;

/// <summary>
/// The step issue, re-issue and renew share: mint credentials that end with the window, show them in the
/// request's one DM (an edit: older secrets there disappear with it), and record the grant. If the request moved
/// on meanwhile (ended, failed, re-claimed), the credentials just shown are taken out of the DM again.
/// </summary>
internal sealed class CredentialDelivery(
    IAccessRequestStore store,
    IGrantIssuer issuer,
    GrantDm dm,
    GrantDmCleanup cleanup,
    IOptionsMonitor<AwsOptions> aws,
    TimeProvider time,
    ILogger<CredentialDelivery> logger)
{
    /// <summary>STS for min(time left in the window, <c>Aws:MaxSessionDuration</c>); see <see cref="GrantDuration"/>.</summary>
    public Task<IssueOutcome> MintAsync(AccessRequest request, DateTimeOffset windowEnd, CancellationToken cancellationToken) =>
        issuer.IssueAsync(request, GrantDuration.For(windowEnd - time.GetUtcNow(), aws.CurrentValue.MaxSessionDuration), cancellationToken);

    /// <summary>
    /// Fresh credentials for a live grant (a renewal, an extension): shown in its DM (posted first if it has none yet)
    /// and recorded by <paramref name="record"/>, as <see cref="DeliverAsync"/>. Null when the request is no longer
    /// Active: whoever moved it owns it now. Slack failures throw <see cref="Slack.Api.SlackApiException"/>.
    /// </summary>
    public async Task<Delivery?> RedeliverAsync(
        AccessRequest active,
        IssueOutcome.Issued issued,
        DateTimeOffset windowEnd,
        Func<AccessRequest, GrantInfo, TransitionDecision> record,
        CancellationToken cancellationToken)
    {
        var owned = await dm.EnsureAsync(active, latest => latest.Status == RequestStatus.Active, cancellationToken);
        return owned is null ? null : await DeliverAsync(owned, issued, windowEnd, renewed: true, record, cancellationToken);
    }

    /// <summary>
    /// Shows <paramref name="issued"/> in <paramref name="owned"/>'s DM and writes <paramref name="record"/> (decided
    /// again on conflict). Slack failures throw <see cref="Slack.Api.SlackApiException"/>; nothing is recorded then.
    /// </summary>
    public async Task<Delivery> DeliverAsync(
        AccessRequest owned,
        IssueOutcome.Issued issued,
        DateTimeOffset windowEnd,
        bool renewed,
        Func<AccessRequest, GrantInfo, TransitionDecision> record,
        CancellationToken cancellationToken)
    {
        // The DM edit that carries the credentials: the span names the step, never what the message holds.
        using var span = SlackJitTelemetry.StartRequestSpan("dm.deliver_credentials", owned.Id);
        span?.SetTag("slackjit.renewal", renewed);
        var credentials = issued.Credentials;
        if (!GrantMessages.TryCredentials(owned, credentials, issued.SigninError, windowEnd, time.GetUtcNow(), renewed, out var message, issued.Scope))
        {
            return new Delivery(DeliveryStatus.TooLarge, owned);
        }
        if (!await dm.ShowAsync(owned, message, cancellationToken))
        {
            return new Delivery(DeliveryStatus.NoDm, owned);
        }

        var grant = new GrantInfo(credentials.AccessKeyId, credentials.AssumedRoleId, credentials.Expiration, windowEnd);
        var write = await store.ApplyDecidingAgainAsync(owned, current => record(current, grant), cancellationToken);
        if (write.Applied)
        {
            return new Delivery(DeliveryStatus.Recorded, write.Current);
        }

        GrantsLog.Superseded(logger, owned.Id, credentials.AccessKeyId, write.Current.Status, write.Current.Version);
        if (write.Current.Status.IsFinal())
        {
            // Ended, expired or failed meanwhile: the credentials just shown must not stay. If Slack refuses, the request
            // says so, alerts, and is retried with the back-off (Expired and Failed by DueDmCleanups, Ended by its revocation).
            var scrub = await cleanup.ScrubAsync(write.Current, cancellationToken);
            if (!scrub.Cleaned)
            {
                await cleanup.RecordFailureAsync(write.Current, scrub, backOff: write.Current.Status != RequestStatus.Ended, cancellationToken);
            }
        }
        return new Delivery(DeliveryStatus.Superseded, write.Current);
    }
}
