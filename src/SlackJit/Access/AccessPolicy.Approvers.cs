namespace SlackJit.Access;

public static partial class AccessPolicy
{
    /// <summary>
    /// May <paramref name="clickerId"/> approve <paramref name="request"/>? They must be listed in the
    /// resource's approvers, directly or through one of <paramref name="clickerGroups"/> (user group ids,
    /// from Slack), and must not be the requester unless the resource allows self-approval.
    /// </summary>
    public static PolicyCheck CanApprove(ResourceOptions resource, AccessRequest request, string clickerId, IReadOnlySet<string> clickerGroups)
    {
        var listed = CanDeny(resource, request, clickerId, clickerGroups);
        if (!listed.IsAllowed)
        {
            return listed;
        }

        return clickerId == request.Requester.UserId && !resource.AllowSelfApproval
            ? PolicyCheck.Refused(RefusalReason.SelfApproval, new RefusalFacts { RequestId = request.ShortId, Resource = resource.Name })
            : PolicyCheck.Allowed;
    }

    /// <summary>May <paramref name="clickerId"/> deny <paramref name="request"/>? Any listed approver may, even the requester (that is a cancel).</summary>
    public static PolicyCheck CanDeny(ResourceOptions resource, AccessRequest request, string clickerId, IReadOnlySet<string> clickerGroups)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clickerGroups);
        return IsListed(resource, request, clickerId, clickerGroups)
            ? PolicyCheck.Allowed
            : PolicyCheck.Refused(RefusalReason.NotAnApprover, new RefusalFacts { RequestId = request.ShortId, Resource = resource.Name });
    }

    /// <summary>
    /// May <paramref name="clickerId"/> acknowledge the break-glass grant <paramref name="request"/>? Any listed approver
    /// (an escalation approver once escalated) may, but never the requester, whatever the entry's self-approval rule.
    /// </summary>
    public static PolicyCheck CanAcknowledge(ResourceOptions resource, AccessRequest request, string clickerId, IReadOnlySet<string> clickerGroups)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        return request.Requester.UserId == clickerId
            ? PolicyCheck.Refused(RefusalReason.SelfAcknowledgement, new RefusalFacts { RequestId = request.ShortId, Resource = resource.Name })
            : CanDeny(resource, request, clickerId, clickerGroups);
    }

    /// <summary>Whether <paramref name="resource"/> names user groups, so a caller knows to look up the clicker's groups.</summary>
    public static bool HasGroupApprovers(ResourceOptions resource) => resource.Approvers.Exists(IsGroupId) || (resource.EscalationApprovers?.Exists(IsGroupId) ?? false);

    /// <summary>Who may decide on <paramref name="request"/>: the entry's approvers, and its escalation approvers once the request is escalated.</summary>
    public static IEnumerable<string> DecidersOf(ResourceOptions resource, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        return request.Reminders.Escalated ? resource.Approvers.Concat(resource.EscalationApprovers ?? []) : resource.Approvers;
    }

    private static bool IsListed(ResourceOptions resource, AccessRequest request, string clickerId, IReadOnlySet<string> clickerGroups) =>
        !string.IsNullOrEmpty(clickerId) &&
        DecidersOf(resource, request).Any(a => IsGroupId(a) ? clickerGroups.Contains(a) : a == clickerId);

    private static bool IsGroupId(string approver) => approver.StartsWith('S');
}
