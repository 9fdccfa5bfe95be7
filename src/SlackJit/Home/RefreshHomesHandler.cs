using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>
/// After a request changed: schedules a publish for its requester and for the people who may decide on it (the
/// entry's approvers, and its escalation approvers once escalated; user groups expanded), at most
/// <see cref="MaxFanOut"/> people. Each publish is coalesced per person, so a storm of changes is one publish each.
/// </summary>
internal sealed class RefreshHomesHandler(
    HomeRefresh refresh,
    HomePublishing publishing,
    IAccessRequestStore store,
    ApproverLookup approvers,
    IOptionsMonitor<AccessOptions> access) : IWorkHandler<RefreshHomes>
{
    /// <summary>Most Homes one change republishes (Slack allows views.publish about 100 times a minute).</summary>
    public const int MaxFanOut = 50;

    public async Task HandleAsync(RefreshHomes work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        refresh.Starting(work.RequestId);
        if (await store.GetAsync(work.RequestId, cancellationToken) is not { } request)
        {
            return;
        }

        var team = request.Requester.TeamId;
        publishing.Refresh(request.Requester.UserId, team);
        var resource = access.CurrentValue.Resources
            .FirstOrDefault(r => string.Equals(r.Name, request.Resource.Name, StringComparison.OrdinalIgnoreCase));
        if (resource is null)
        {
            return;
        }
        foreach (var person in await approvers.PeopleAsync(AccessPolicy.DecidersOf(resource, request), MaxFanOut - 1, cancellationToken))
        {
            if (person != request.Requester.UserId)
            {
                publishing.Refresh(person, team);
            }
        }
    }
}
