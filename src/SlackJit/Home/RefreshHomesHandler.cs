using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>
/// After a request changed: schedules a publish for its requester and for the people who may decide on it (the
/// entry's approvers, and its escalation approvers once escalated; user groups expanded), at most
/// <see cref="MaxFanOut"/> people. They share one read of the open requests; each publish is coalesced per person, so a
/// storm of changes is one publish each.
/// </summary>
internal sealed class RefreshHomesHandler(
    HomeRefresh refresh,
    HomePublishing publishing,
    HomeReader reader,
    IAccessRequestStore store,
    ApproverLookup approvers,
    SlackWorkspace workspace,
    IOptionsMonitor<AccessOptions> access) : IWorkHandler<RefreshHomes>
{
    /// <summary>Most Homes one change republishes (Slack allows views.publish about 100 times a minute).</summary>
    public const int MaxFanOut = 50;

    public Task HandleAsync(RefreshHomes work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return refresh.RunAsync(work, () => FanOutAsync(work.RequestId, cancellationToken));
    }

    private async Task FanOutAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(requestId, cancellationToken) is not { } request)
        {
            return;
        }

        var open = reader.ShareOpenRead();
        var team = request.Requester.TeamId;
        publishing.Refresh(request.Requester.UserId, team, open);
        if (AccessPolicy.FindResource(access.CurrentValue, request.Resource) is not { } resource)
        {
            return;
        }

        // The request names only its requester's team. Where SlackJit serves other workspaces too (an Enterprise Grid
        // organization), an approver's own requests may be filed under any of them.
        var teams = workspace.Teams;
        var approverTeam = teams.Count == 0 || (teams.Count == 1 && teams[0] == team) ? team : null;
        foreach (var person in await approvers.PeopleAsync(AccessPolicy.DecidersOf(resource, request), MaxFanOut - 1, cancellationToken))
        {
            if (person != request.Requester.UserId)
            {
                publishing.Refresh(person, approverTeam, open);
            }
        }
    }
}
