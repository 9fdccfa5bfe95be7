namespace SlackJit.Access;

/// <summary>
/// The policy decisions, as pure functions: may this person ask for this (<see cref="Decide"/>),
/// may that person approve it (<see cref="CanApprove"/>), is the requester within the abuse limits
/// (<see cref="CheckLimits(int, int, AccessOptions)"/>). Slack lookups happen elsewhere; their results come in as facts.
/// </summary>
public static partial class AccessPolicy
{
    /// <summary>Longest reason accepted; it has to fit on an approval card.</summary>
    public const int MaxReasonLength = 500;

    public static AccessDecision Decide(ParsedRequest request, AccessOptions options, RequesterFacts requester)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(requester);

        if (CheckRequester(requester) is { } notEligible)
        {
            return notEligible;
        }

        if (!BucketRules.IsValid(request.Bucket))
        {
            return InvalidBucket(request.Bucket);
        }

        var display = new ResourceRef("", request.Bucket, request.Prefix).Display;
        if (PrefixRules.Problem(request.Prefix) is { } problem)
        {
            return new AccessDecision.Refused(RefusalReason.InvalidPrefix, new RefusalFacts { Input = request.Prefix, Problem = problem });
        }

        var inBucket = options.Resources.Where(r => r.Bucket == request.Bucket).ToList();
        if (inBucket.Count == 0)
        {
            return new AccessDecision.Refused(RefusalReason.UnknownBucket, new RefusalFacts { Input = request.Bucket });
        }

        // The most specific entry wins: its approvers know that data best.
        var resource = inBucket.Where(r => request.Prefix.StartsWith(r.Prefix, StringComparison.Ordinal)).MaxBy(r => r.Prefix.Length);
        if (resource is null)
        {
            return new AccessDecision.Refused(
                RefusalReason.PrefixOutsideResource,
                new RefusalFacts { Input = display, Allowed = [.. inBucket.Select(r => new ResourceRef(r.Name, r.Bucket, r.Prefix))] });
        }

        // Nested entries are excluded from the grant by explicit denies; they all have to fit the STS limit.
        if (PolicyFitCache.TooLarge(options, resource, request.Prefix) is { } excluded)
        {
            return new AccessDecision.Refused(RefusalReason.PolicyTooLarge, new RefusalFacts { Input = display, Count = excluded });
        }

        if (request.BreakGlass && !resource.BreakGlass)
        {
            return new AccessDecision.Refused(RefusalReason.BreakGlassNotAllowed, new RefusalFacts { Input = display, Resource = resource.Name });
        }

        var breakGlassMax = options.BreakGlass.MaxDuration;
        var duration = request.Duration ?? Min(options.DefaultDuration, resource.MaxDuration);
        if (request.BreakGlass)
        {
            duration = request.Duration ?? Min(duration, breakGlassMax);
            if (duration > breakGlassMax)
            {
                return new AccessDecision.Refused(
                    RefusalReason.BreakGlassTooLong, new RefusalFacts { Duration = duration, Bound = breakGlassMax, Resource = resource.Name });
            }
        }

        if (duration > resource.MaxDuration)
        {
            return new AccessDecision.Refused(
                RefusalReason.DurationTooLong, new RefusalFacts { Duration = duration, Bound = resource.MaxDuration, Resource = resource.Name });
        }

        if (duration < AccessOptions.MinDuration)
        {
            return new AccessDecision.Refused(
                RefusalReason.DurationTooShort, new RefusalFacts { Duration = duration, Bound = AccessOptions.MinDuration });
        }

        var reason = RequestParser.CleanReason(request.Reason);
        if (reason.Length == 0 && request.BreakGlass)
        {
            return new AccessDecision.Refused(RefusalReason.BreakGlassReasonRequired, new RefusalFacts { Input = display, Duration = duration });
        }

        if (reason.Length == 0 && options.RequireReason)
        {
            return new AccessDecision.Refused(RefusalReason.ReasonRequired, new RefusalFacts { Input = display, Duration = duration });
        }

        if (reason.Length > MaxReasonLength)
        {
            return new AccessDecision.Refused(RefusalReason.ReasonTooLong, new RefusalFacts { Count = reason.Length, Limit = MaxReasonLength });
        }

        return new AccessDecision.Allowed(resource, new ResourceRef(resource.Name, request.Bucket, request.Prefix), duration, reason, request.BreakGlass);
    }

    /// <summary>The catalog entry a request was made against; null if it has since been removed.</summary>
    public static ResourceOptions? FindResource(AccessOptions options, ResourceRef resource) =>
        options.Resources.FirstOrDefault(r => r.Name == resource.Name);

    private static AccessDecision.Refused? CheckRequester(RequesterFacts requester) => requester switch
    {
        { IsDeleted: true } => new(RefusalReason.RequesterDeactivated, RefusalFacts.None),
        { IsBot: true } => new(RefusalReason.RequesterIsBot, RefusalFacts.None),
        { IsGuest: true } => new(RefusalReason.RequesterIsGuest, RefusalFacts.None),
        _ => null,
    };

    private static AccessDecision.Refused InvalidBucket(string bucket)
    {
        var lower = bucket.ToLowerInvariant();
        var suggestion = lower != bucket && BucketRules.IsValid(lower) ? lower : null;
        return new(RefusalReason.InvalidBucket, new RefusalFacts { Input = bucket, Problem = BucketRules.Description, Suggestion = suggestion });
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
