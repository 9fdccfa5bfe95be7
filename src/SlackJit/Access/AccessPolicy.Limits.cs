namespace SlackJit.Access;

public static partial class AccessPolicy
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    /// <summary>Refuses a new request when the requester already has too many pending or made too many this hour.</summary>
    public static PolicyCheck CheckLimits(int pendingCount, int createdLastHour, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (pendingCount >= options.MaxPendingPerRequester)
        {
            return PolicyCheck.Refused(RefusalReason.TooManyPending, new RefusalFacts { Count = pendingCount, Limit = options.MaxPendingPerRequester });
        }

        return createdLastHour >= options.MaxRequestsPerHour
            ? PolicyCheck.Refused(RefusalReason.TooManyRequests, new RefusalFacts { Count = createdLastHour, Limit = options.MaxRequestsPerHour })
            : PolicyCheck.Allowed;
    }

    /// <summary>
    /// The same check over the requester's recent requests as the store lists them (newest first; read at least
    /// <see cref="RecentRequestsToRead"/> of them). Pending requests past their deadline are not counted.
    /// </summary>
    public static PolicyCheck CheckLimits(IEnumerable<AccessRequest> recent, DateTimeOffset now, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(recent);
        var list = recent as IReadOnlyCollection<AccessRequest> ?? recent.ToList();
        var pending = list.Count(r => r.Status == RequestStatus.Pending && r.Deadline > now);
        var lastHour = list.Count(r => r.CreatedAt > now - RateWindow);
        return CheckLimits(pending, lastHour, options);
    }

    /// <summary>How many of a requester's newest requests to read for <see cref="CheckLimits(IEnumerable{AccessRequest}, DateTimeOffset, AccessOptions)"/>.</summary>
    public static int RecentRequestsToRead(AccessOptions options) =>
        Math.Max(options.MaxPendingPerRequester, options.MaxRequestsPerHour) + 1;
}
