using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Aws;
using SlackJit.Aws.Iam;
using SlackJit.Cards;
using SlackJit.Hosting;
using SlackJit.Lifecycle;
using SlackJit.Storage;

namespace SlackJit.Grants;

/// <summary>
/// Makes AWS deny a revoked grant's credentials (docs/REVOCATION.md): the revocation is already in the store (the
/// Ended transition), so this syncs the role's deny policy with the store's revoked, unexpired grants, records the
/// outcome, and tells the DM and the card (each check also tries again a DM clean-up that is still failing, and once
/// AWS has nothing left to do only the DM is tried, with its back-off). A failure is loud (log error, card note,
/// /readyz warning) and the request stays due: the sweeper tries again every interval. After success it is looked at twice more: one interval later
/// (a second sync, which also covers DynamoDB's eventually consistent index), and when its credentials expire (the
/// deny is pruned).
/// </summary>
internal sealed class GrantRevocation(
    IAccessRequestStore store,
    RevocationSync sync,
    GrantDmCleanup cleanup,
    IApprovalCards cards,
    ReadinessWarnings warnings,
    IOptionsMonitor<AwsOptions> aws,
    IOptionsMonitor<AccessOptions> access,
    IOptions<LifecycleOptions> lifecycle,
    TimeProvider time,
    ILogger<GrantRevocation> logger) : IWorkHandler<EnforceRevocation>, IDueRequestHandler
{
    /// <summary>How many due requests one sync reads to find the revoked grants of a role.</summary>
    public const int ScanLimit = 2_000;

    public IReadOnlyCollection<RequestStatus> Statuses { get; } = [RequestStatus.Ended];

    public async Task HandleAsync(EnforceRevocation work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (await store.GetAsync(work.RequestId, cancellationToken) is { } request)
        {
            await EnforceAsync(request, cancellationToken);
        }
    }

    public Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken) => EnforceAsync(request, cancellationToken);

    /// <summary>True when a write of ours landed (the outcome was recorded).</summary>
    public async Task<bool> EnforceAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DmCleanup is { IsFailing: true } && AccessRequests.RevocationSettled(request))
        {
            // Nothing left for AWS: only the DM, tried again with the back-off until Slack confirms it is clean.
            return await cleanup.RetryAsync(request, backOff: true, cancellationToken);
        }
        if (request.Revocation is not { } revocation)
        {
            // An Ended request with nothing to deny should not be due: take it off the sweeper's list.
            var cleared = await store.ApplyAsync(Transitions.Reschedule(request, null, time.GetUtcNow()), cancellationToken);
            return cleared.Applied;
        }

        var key = "revocation:" + request.Id;
        var role = RoleOf(request);
        string? error = role is null ? "no role ARN to revoke on (the catalog entry's RoleArn and Aws:RoleArn are not role ARNs)" : null;
        if (role is not null)
        {
            try
            {
                await sync.SyncAsync(role, ct => RevokedOnRoleAsync(role, request, ct), cancellationToken);
            }
            catch (Exception ex) when (ex is IamException or RevocationPolicyTooLargeException or StoreUnavailableException)
            {
                error = ex.Message;
            }
        }

        var now = time.GetUtcNow();
        if (error is not null)
        {
            GrantsLog.RevocationFailed(logger, request.Id, error);
            warnings.Set(key, $"revoking {request.ShortId} in AWS failed, retrying every sweep: {error}");
            var failed = await store.ApplyDecidingAgainAsync(
                request, current => Transitions.RevocationFailed(current, error, now + lifecycle.Value.SweepInterval, now), cancellationToken);
            if (failed.Applied && revocation.Failure is null)
            {
                // The first failure is shown on the card and in the DM; later ones only in the log and /readyz.
                await cards.UpdateAsync(failed.Current, cancellationToken);
                await cleanup.RetryAsync(failed.Current, backOff: false, cancellationToken);
            }
            return failed.Applied;
        }

        warnings.Clear(key);
        DateTimeOffset? next = !revocation.IsEnforced
            ? now + lifecycle.Value.SweepInterval
            : revocation.CredentialsExpire > now ? revocation.CredentialsExpire : null;
        var write = await store.ApplyDecidingAgainAsync(request, current => Transitions.RevocationEnforced(current, next, now), cancellationToken);
        if (write.Applied && (!revocation.IsEnforced || revocation.Failure is not null))
        {
            GrantsLog.RevocationEnforced(logger, request.Id, role!.Value, revocation.CredentialsExpire);
            await cards.UpdateAsync(write.Current, cancellationToken);
            await cleanup.RetryAsync(write.Current, backOff: next is null, cancellationToken);
        }
        else if (write.Applied && write.Current.DmCleanup is { IsFailing: true })
        {
            // Every later check is one more try at a DM clean-up that is still failing; after the last one (the deny
            // pruned) the clean-up's back-off keeps the request due.
            await cleanup.RetryAsync(write.Current, backOff: next is null, cancellationToken);
        }
        return write.Applied;
    }

    // The store is the source of truth: every Ended grant on this role whose deny must hold, read fresh each round.
    // The request itself is read by id (a consistent read), whatever the due index shows yet.
    private async Task<IReadOnlyCollection<RevokedGrant>> RevokedOnRoleAsync(RoleArn role, AccessRequest self, CancellationToken cancellationToken)
    {
        var due = await store.GetDueAsync(DateTimeOffset.MaxValue, ScanLimit, cancellationToken);
        var own = await store.GetAsync(self.Id, cancellationToken) ?? self;
        return [.. due.Where(r => r.Id != own.Id).Append(own)
            .Where(r => r.Status == RequestStatus.Ended && r.Revocation is not null && RoleOf(r)?.Value == role.Value)
            .Select(r => new RevokedGrant(r.Id, r.Revocation!.CredentialsExpire))];
    }

    private RoleArn? RoleOf(AccessRequest request)
    {
        var entry = access.CurrentValue.Resources
            .FirstOrDefault(r => string.Equals(r.Name, request.Resource.Name, StringComparison.OrdinalIgnoreCase));
        var text = string.IsNullOrWhiteSpace(entry?.RoleArn) ? aws.CurrentValue.RoleArn : entry.RoleArn;
        return RoleArn.TryParse(text, out var role) ? role : null;
    }
}
