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
    IGrantIssuer issuer,
    GrantDm dm,
    SlackMessenger messenger,
    IOptions<LifecycleOptions> lifecycle,
    IOptionsMonitor<AwsOptions> aws,
    TimeProvider time,
    ILogger<GrantRenewal> logger) : IWorkHandler<RenewGrant>
{
    private const int MaxConflicts = 3;

    /// <summary>The claimed request, or the refusal to show the clicker.</summary>
    public async Task<(AccessRequest? Claimed, Refusal? Refusal)> ClaimAsync(AccessRequest request, string actorId, CancellationToken cancellationToken)
    {
        var current = request;
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var decision = Transitions.ClaimRenewal(current, actorId, time.GetUtcNow(), lifecycle.Value.IssueLease);
            if (!decision.IsAllowed)
            {
                return (null, decision.Refusal);
            }
            var result = await store.ApplyAsync(decision.Transition, cancellationToken);
            if (result.Applied)
            {
                return (result.Current, null);
            }
            if (result.Current is not { } latest)
            {
                break;
            }
            current = latest;
        }
        return (null, new Refusal(RefusalReason.LeaseHeld, $"{request.ShortId} is changing right now; try again in a moment."));
    }

    public Task HandleAsync(RenewGrant work, CancellationToken cancellationToken) => RenewAsync(work.Claimed, work.Reply, cancellationToken);

    /// <summary>Renews a claimed request; what went wrong is told to <paramref name="reply"/>.</summary>
    public async Task<bool> RenewAsync(AccessRequest claimed, ReplyTarget reply, CancellationToken cancellationToken)
    {
        if (claimed.Grant is not { } grant)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var remaining = grant.WindowEnd - now;
        if (remaining < Transitions.MinSessionLength)
        {
            await GiveUpAsync(claimed, reply, "WindowClosing",
                $"Less than {Transitions.MinSessionLength.TotalMinutes:0} minutes of the window remain; your current credentials work until {SlackDates.DateAtTime(grant.SessionExpiry)}.",
                cancellationToken);
            return false;
        }

        var outcome = await issuer.IssueAsync(claimed, GrantDuration.For(remaining, aws.CurrentValue.MaxSessionDuration), cancellationToken);
        if (outcome is IssueOutcome.Refused refused)
        {
            var retry = refused.Transient ? " AWS is busy; try again in a minute." : " The SlackJit operator has been told.";
            await GiveUpAsync(claimed, reply, refused.Code,
                $"Your credentials could not be renewed: AWS answered `{refused.Code}`.{retry} The current ones work until {SlackDates.DateAtTime(grant.SessionExpiry)}.",
                cancellationToken);
            return false;
        }

        var issued = (IssueOutcome.Issued)outcome;
        var credentials = issued.Credentials;
        if (!GrantMessages.TryCredentials(claimed, credentials, issued.SigninError, grant.WindowEnd, time.GetUtcNow(), renewed: true, out var message))
        {
            await GiveUpAsync(claimed, reply, "CredentialsTooLarge", "The new credentials were too long for a Slack message.", cancellationToken);
            return false;
        }
        try
        {
            var owned = await dm.EnsureAsync(claimed, latest => latest.Status == RequestStatus.Active, cancellationToken);
            if (owned is null || !await dm.ShowAsync(owned, message, cancellationToken))
            {
                return false;
            }
            claimed = owned;
        }
        catch (SlackApiException ex)
        {
            GrantsLog.SlackFailed(logger, claimed.Id, ex.Method, ex.Error);
            await GiveUpAsync(claimed, reply, "Slack:" + ex.Error,
                $"Slack did not accept the new credentials; the current ones work until {SlackDates.DateAtTime(grant.SessionExpiry)}. Try again in a minute.",
                cancellationToken);
            return false;
        }

        return await RecordRenewalAsync(claimed, new GrantInfo(credentials.AccessKeyId, credentials.AssumedRoleId, credentials.Expiration, grant.WindowEnd), cancellationToken);
    }

    private async Task<bool> RecordRenewalAsync(AccessRequest claimed, GrantInfo renewed, CancellationToken cancellationToken)
    {
        var current = claimed;
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var decision = Transitions.Renew(current, renewed, time.GetUtcNow());
            if (!decision.IsAllowed)
            {
                // Ended or expired while STS answered: the credentials just shown must go again.
                GrantsLog.Superseded(logger, current.Id, renewed.AccessKeyId, current.Status, current.Version);
                if (current.Status.IsFinal())
                {
                    await dm.ScrubAsync(current, cancellationToken);
                }
                return false;
            }
            var result = await store.ApplyAsync(decision.Transition, cancellationToken);
            if (result.Applied)
            {
                GrantsLog.Renewed(logger, current.Id, renewed.AccessKeyId, renewed.SessionExpiry);
                return true;
            }
            if (result.Current is not { } latest)
            {
                return false;
            }
            current = latest;
        }
        return false;
    }

    /// <summary>Releases the claim (an audit line) so the requester can press again, and tells them why.</summary>
    private async Task GiveUpAsync(AccessRequest claimed, ReplyTarget reply, string code, string text, CancellationToken cancellationToken)
    {
        GrantsLog.RenewFailed(logger, claimed.Id, code);
        var current = claimed;
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var result = await store.ApplyAsync(
                Transitions.RecordAttempt(current, AuditEvent.SystemActor, AuditActions.RenewFailed, code, time.GetUtcNow()), cancellationToken);
            if (result.Applied || result.Current is not { } latest)
            {
                break;
            }
            current = latest;
        }
        await messenger.EphemeralAsync(reply, claimed.Id, text, cancellationToken);
    }
}
