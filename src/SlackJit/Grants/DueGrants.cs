using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Lifecycle;

namespace SlackJit.Grants;

/// <summary>
/// A due Approved or Issuing request is issued (or re-issued after a lost lease); a due Active request is
/// expired once its window has ended (its DM cleaned, or, while Slack refuses, with the clean-up failing and due again
/// after a back-off: see <see cref="DueDmCleanups"/>), else made due at the window's end.
/// </summary>
internal sealed class DueGrants(
    GrantIssuing issuing,
    GrantClosing closing,
    Extensions.GrantExtension extension,
    Rescheduler rescheduler,
    IOptions<LifecycleOptions> options,
    TimeProvider time) : IDueRequestHandler
{
    public IReadOnlyCollection<RequestStatus> Statuses { get; } = [RequestStatus.Approved, RequestStatus.Issuing, RequestStatus.Active];

    public async Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (request.Status)
        {
            case RequestStatus.Active when Transitions.NeedsExtendedCredentials(request) && request.Grant!.WindowEnd > now:
                // An approved extension still waits for its credentials.
                return await extension.ReissueAsync(request, cancellationToken)
                    || await rescheduler.RescheduleAsync(request, now + options.Value.SweepInterval, cancellationToken);

            case RequestStatus.Active when request.Grant is { } grant && grant.WindowEnd > now:
                return await rescheduler.RescheduleAsync(request, grant.WindowEnd, cancellationToken);

            case RequestStatus.Active:
                if (await closing.ExpireAsync(request, cancellationToken))
                {
                    // Expired (with a failing DM clean-up due again after its back-off, if Slack refused).
                    return true;
                }
                // Another replica got there first: look again after one interval.
                return await rescheduler.RescheduleAsync(request, now + options.Value.SweepInterval, cancellationToken);

            default:
                return await issuing.IssueAsync(request, cancellationToken) is not IssueResult.NotClaimed;
        }
    }
}
