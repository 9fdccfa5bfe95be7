using SlackJit.Access;
using SlackJit.Slack.Api;

namespace SlackJit.Cards;

/// <summary>
/// May this person decide on that request? The domain answers from the approver list and the person's user
/// groups; this class finds those groups (<c>usergroups.users.list</c>, cached per group) and refuses safely when a
/// group cannot be read, rather than guessing. Membership is cached for at most <see cref="CacheFor"/>, so someone
/// removed from a group stops being an approver within a minute; a failed lookup is remembered for
/// <see cref="FailureCacheFor"/>, so a burst of clicks while Slack refuses does not become a burst of calls.
/// </summary>
internal sealed class ApproverLookup(ISlackApi slack, TimeProvider time, ILogger<ApproverLookup> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FailureCacheFor = TimeSpan.FromSeconds(10);

    private readonly TimedCache<HashSet<string>> _members = new(time, CacheFor, capacity: 1_000);
    private readonly TimedCache<string> _failures = new(time, FailureCacheFor, capacity: 1_000);

    public async Task<PolicyCheck> CanApproveAsync(ResourceOptions resource, AccessRequest request, string clickerId, CancellationToken cancellationToken)
    {
        var groups = await GroupsOfAsync(resource, request, clickerId, cancellationToken);
        return groups.Refusal ?? AccessPolicy.CanApprove(resource, request, clickerId, groups.Groups);
    }

    public async Task<PolicyCheck> CanDenyAsync(ResourceOptions resource, AccessRequest request, string clickerId, CancellationToken cancellationToken)
    {
        var groups = await GroupsOfAsync(resource, request, clickerId, cancellationToken);
        return groups.Refusal ?? AccessPolicy.CanDeny(resource, request, clickerId, groups.Groups);
    }

    /// <summary>May the clicker acknowledge this break-glass grant: a listed approver, never the requester.</summary>
    public async Task<PolicyCheck> CanAcknowledgeAsync(ResourceOptions resource, AccessRequest request, string clickerId, CancellationToken cancellationToken)
    {
        if (request.Requester.UserId == clickerId)
        {
            return AccessPolicy.CanAcknowledge(resource, request, clickerId, new HashSet<string>(StringComparer.Ordinal));
        }
        var groups = await GroupsOfAsync(resource, request, clickerId, cancellationToken);
        return groups.Refusal ?? AccessPolicy.CanAcknowledge(resource, request, clickerId, groups.Groups);
    }

    private async Task<GroupLookup> GroupsOfAsync(ResourceOptions resource, AccessRequest request, string clickerId, CancellationToken cancellationToken)
    {
        // Listed by user id: no need to ask Slack about groups at all.
        var deciders = AccessPolicy.DecidersOf(resource, request).ToList();
        if (!deciders.Exists(a => a.StartsWith('S')) || deciders.Contains(clickerId, StringComparer.Ordinal))
        {
            return new GroupLookup(new HashSet<string>(StringComparer.Ordinal), null);
        }

        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in deciders.Where(a => a.StartsWith('S')).Distinct(StringComparer.Ordinal))
        {
            var members = await MembersAsync(group, cancellationToken);
            if (members.Error is { } error)
            {
                CardsLog.GroupLookupFailed(logger, request.Id, clickerId, group, error);
                return new GroupLookup(groups, PolicyCheck.Refused(
                    RefusalReason.NotAnApprover,
                    new RefusalFacts { Text = $"I couldn't read the approver group `{group}` (`{error}`), so I can't tell whether you may decide on {request.ShortId}. " +
                    "An approver listed by user ID can decide, or ask your platform team to list approvers by user ID." }));
            }

            if (members.Ids!.Contains(clickerId))
            {
                groups.Add(group);
                // One group is enough to be listed; reading the rest would only cost time.
                break;
            }
        }

        return new GroupLookup(groups, null);
    }

    private async Task<(HashSet<string>? Ids, string? Error)> MembersAsync(string group, CancellationToken cancellationToken)
    {
        if (_members.TryGet(group, out var cached))
        {
            return (cached, null);
        }

        if (_failures.TryGet(group, out var failed))
        {
            return (null, failed);
        }

        try
        {
            var ids = new HashSet<string>(await slack.GetUserGroupMembersAsync(group, cancellationToken), StringComparer.Ordinal);
            _members.Set(group, ids);
            return (ids, null);
        }
        catch (SlackApiException ex)
        {
            // Remembered briefly: clicks in the next seconds get the same answer without asking Slack again.
            _failures.Set(group, ex.Error);
            return (null, ex.Error);
        }
    }

    private sealed record GroupLookup(IReadOnlySet<string> Groups, PolicyCheck? Refusal);
}
