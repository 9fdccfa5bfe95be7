using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Slack;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>
/// Reads what a Home shows with bounded queries: the person's own requests through the requester index, and — only for
/// an approver — the open requests through the due index, each checked with the same rules the buttons apply
/// (<see cref="ApproverLookup"/>: listed approver, no self-approval unless allowed, not approved by them already).
/// </summary>
internal sealed class HomeReader(IAccessRequestStore store, ApproverLookup approvers, SlackWorkspace workspace, IOptionsMonitor<AccessOptions> access)
{
    /// <summary>The person's own requests read, newest first: enough for what is open and a screenful of history.</summary>
    public const int MaxOwnRead = 50;

    /// <summary>Open requests read for an approver (soonest due first); past it the Home says it shows the first ones.</summary>
    public const int MaxOpenRead = 200;

    private long _reads;

    /// <summary>A new read of the open requests, to share among the Homes one change republishes (made now, read when first needed).</summary>
    public OpenRequestsRead ShareOpenRead() => new(store, Interlocked.Increment(ref _reads), MaxOpenRead);

    /// <summary>
    /// What <paramref name="userId"/>'s Home shows. Their own requests are read under <paramref name="teamId"/>, or — when
    /// it is unknown — under every team SlackJit serves; the open requests come from <paramref name="open"/>, or a read of
    /// its own.
    /// </summary>
    public async Task<HomeContent> ReadAsync(string userId, string? teamId, OpenRequestsRead? open, CancellationToken cancellationToken)
    {
        var own = await ReadOwnAsync(userId, teamId is null ? workspace.Teams : [teamId], cancellationToken);
        var mine = own.Where(r => !r.Status.IsFinal()).ToList();
        var history = own.Where(r => r.Status.IsFinal()).ToList();

        var options = access.CurrentValue;
        if (!await approvers.IsAnyApproverAsync(options.Resources, userId, cancellationToken))
        {
            return new HomeContent(mine, history, false, [], []);
        }

        var waiting = new List<AccessRequest>();
        var revocable = new List<AccessRequest>();
        foreach (var request in await (open ?? ShareOpenRead()).GetAsync(cancellationToken))
        {
            // The same lookup as the buttons': a request whose entry left the catalog cannot be decided, so it is not listed.
            if (AccessPolicy.FindResource(options, request.Resource) is not { } resource)
            {
                continue;
            }
            if (request.Status == RequestStatus.Pending
                && !request.Approvals.Exists(a => a.ApproverId == userId)
                && (await approvers.CanApproveAsync(resource, request, userId, cancellationToken)).IsAllowed)
            {
                waiting.Add(request);
            }
            else if (request.Status == RequestStatus.Active
                && (await approvers.CanDenyAsync(resource, request, userId, cancellationToken)).IsAllowed)
            {
                revocable.Add(request);
            }
        }
        return new HomeContent(
            mine,
            history,
            true,
            [.. waiting.OrderBy(r => r.CreatedAt)],
            [.. revocable.OrderBy(r => r.Grant?.WindowEnd ?? r.DueAt)]);
    }

    private async Task<IReadOnlyList<AccessRequest>> ReadOwnAsync(string userId, IReadOnlyList<string> teams, CancellationToken cancellationToken)
    {
        if (teams.Count == 1)
        {
            return await store.GetByRequesterAsync(new SlackIdentity(userId, teams[0]), MaxOwnRead, cancellationToken);
        }
        var own = new List<AccessRequest>();
        foreach (var team in teams)
        {
            own.AddRange(await store.GetByRequesterAsync(new SlackIdentity(userId, team), MaxOwnRead, cancellationToken));
        }
        return [.. own.OrderByDescending(r => r.CreatedAt).Take(MaxOwnRead)];
    }
}
