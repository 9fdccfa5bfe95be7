using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Storage;

namespace SlackJit.Home;

/// <summary>
/// Reads what a Home shows with bounded queries: the person's own requests through the requester index, and — only for
/// an approver — the open requests through the due index, each checked with the same rules the buttons apply
/// (<see cref="ApproverLookup"/>: listed approver, no self-approval unless allowed, not approved by them already).
/// </summary>
internal sealed class HomeReader(IAccessRequestStore store, ApproverLookup approvers, IOptionsMonitor<AccessOptions> access)
{
    /// <summary>The person's own requests read, newest first: enough for what is open and a screenful of history.</summary>
    public const int MaxOwnRead = 50;

    /// <summary>Open requests read for an approver (soonest due first); past it the Home says it shows the first ones.</summary>
    public const int MaxOpenRead = 200;

    public async Task<HomeContent> ReadAsync(SlackIdentity person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var own = await store.GetByRequesterAsync(person, MaxOwnRead, cancellationToken);
        var open = own.Where(r => !r.Status.IsFinal()).ToList();
        var history = own.Where(r => r.Status.IsFinal()).ToList();

        var catalog = access.CurrentValue.Resources;
        if (!await approvers.IsAnyApproverAsync(catalog, person.UserId, cancellationToken))
        {
            return new HomeContent(open, history, false, [], []);
        }

        var waiting = new List<AccessRequest>();
        var revocable = new List<AccessRequest>();
        foreach (var request in await store.GetOpenAsync(MaxOpenRead, cancellationToken))
        {
            var resource = catalog.FirstOrDefault(r => string.Equals(r.Name, request.Resource.Name, StringComparison.OrdinalIgnoreCase));
            if (resource is null)
            {
                continue;
            }
            if (request.Status == RequestStatus.Pending
                && !request.Approvals.Exists(a => a.ApproverId == person.UserId)
                && (await approvers.CanApproveAsync(resource, request, person.UserId, cancellationToken)).IsAllowed)
            {
                waiting.Add(request);
            }
            else if (request.Status == RequestStatus.Active
                && (await approvers.CanDenyAsync(resource, request, person.UserId, cancellationToken)).IsAllowed)
            {
                revocable.Add(request);
            }
        }
        return new HomeContent(
            open,
            history,
            true,
            [.. waiting.OrderBy(r => r.CreatedAt)],
            [.. revocable.OrderBy(r => r.Grant?.WindowEnd ?? r.DueAt)]);
    }
}
