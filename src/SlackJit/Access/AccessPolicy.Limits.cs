namespace SlackJit.Access;

public static partial class AccessPolicy
{
    /// <summary>The window of <see cref="AccessOptions.MaxRequestsPerHour"/>.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

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
}
