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

    /// <summary>The same check over what the store counted within <see cref="LimitWindowsAt"/>.</summary>
    public static PolicyCheck CheckLimits(RequesterActivity activity, AccessOptions options) =>
        CheckLimits(activity.Pending, activity.Created, options);

    /// <summary>
    /// The windows the limits count in at <paramref name="now"/>: the hour of the rate limit, and for pending requests
    /// the pending timeout (at least the hour): a request created earlier has reached its deadline.
    /// </summary>
    public static LimitWindows LimitWindowsAt(DateTimeOffset now, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pendingFor = options.PendingTimeout > RateWindow ? options.PendingTimeout : RateWindow;
        return new LimitWindows(now, now - RateWindow, now - pendingFor);
    }
}
