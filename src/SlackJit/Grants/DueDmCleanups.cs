using SlackJit.Access;
using SlackJit.Lifecycle;

namespace SlackJit.Grants;

/// <summary>
/// A due Expired or Failed request: its DM clean-up is failing (Slack refused it when the grant expired, or credentials
/// were shown while it closed), so it is tried again with the back-off; anything else due in these final statuses is a stray due time, cleared.
/// </summary>
internal sealed class DueDmCleanups(GrantDmCleanup cleanup, Rescheduler rescheduler) : IDueRequestHandler
{
    public IReadOnlyCollection<RequestStatus> Statuses { get; } = [RequestStatus.Expired, RequestStatus.Failed];

    public async Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken) =>
        request.DmCleanup is { IsFailing: true }
            ? await cleanup.RetryAsync(request, backOff: true, cancellationToken)
            : await rescheduler.RescheduleAsync(request, null, cancellationToken);
}
