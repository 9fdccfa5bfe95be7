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
            return new AccessDecision.Refused(RefusalReason.InvalidPrefix, $"The prefix `{MessageText.Clip(request.Prefix)}` {problem}.");
        }

        var inBucket = options.Resources.Where(r => r.Bucket == request.Bucket).ToList();
        if (inBucket.Count == 0)
        {
            return new AccessDecision.Refused(
                RefusalReason.UnknownBucket,
                $"`{request.Bucket}` is not among the buckets you can request. If you need it, ask your platform team to add it to SlackJit's catalog.");
        }

        // The most specific entry wins: its approvers know that data best.
        var resource = inBucket.Where(r => request.Prefix.StartsWith(r.Prefix, StringComparison.Ordinal)).MaxBy(r => r.Prefix.Length);
        if (resource is null)
        {
            var allowed = string.Join(" or ", inBucket.Select(r => $"`{r.Bucket}/{MessageText.Clip(r.Prefix)}…`"));
            return new AccessDecision.Refused(
                RefusalReason.PrefixOutsideResource,
                $"`{MessageText.Clip(display)}` is outside what you may request: {allowed}.");
        }

        var duration = request.Duration ?? Min(options.DefaultDuration, resource.MaxDuration);
        if (duration > resource.MaxDuration)
        {
            return new AccessDecision.Refused(
                RefusalReason.DurationTooLong,
                $"{DurationParser.Format(duration)} is over the {DurationParser.Format(resource.MaxDuration)} maximum for {resource.Name}.");
        }

        if (duration < AccessOptions.MinDuration)
        {
            return new AccessDecision.Refused(
                RefusalReason.DurationTooShort,
                $"{DurationParser.Format(duration)} is under the {DurationParser.Format(AccessOptions.MinDuration)} minimum; ask for at least {DurationParser.Format(AccessOptions.MinDuration)}.");
        }

        var reason = RequestParser.CleanReason(request.Reason);
        if (reason.Length == 0 && options.RequireReason)
        {
            return new AccessDecision.Refused(
                RefusalReason.ReasonRequired,
                $"Add a reason so approvers can decide, e.g. `/s3-access {MessageText.Clip(display)} {DurationParser.Format(duration)} INC-4211 investigating`.");
        }

        if (reason.Length > MaxReasonLength)
        {
            return new AccessDecision.Refused(
                RefusalReason.ReasonTooLong,
                $"The reason is {reason.Length} characters; keep it under {MaxReasonLength} (a ticket link and a few words).");
        }

        return new AccessDecision.Allowed(resource, new ResourceRef(resource.Name, request.Bucket, request.Prefix), duration, reason);
    }

    /// <summary>The catalog entry a request was made against; null if it has since been removed.</summary>
    public static ResourceOptions? FindResource(AccessOptions options, ResourceRef resource) =>
        options.Resources.FirstOrDefault(r => r.Name == resource.Name);

    private static AccessDecision.Refused? CheckRequester(RequesterFacts requester) => requester switch
    {
        { IsDeleted: true } => new(RefusalReason.RequesterDeactivated, "Deactivated accounts cannot request access."),
        { IsBot: true } => new(RefusalReason.RequesterIsBot, "Bots and apps cannot request access; a person has to ask."),
        { IsGuest: true } => new(RefusalReason.RequesterIsGuest, "Guest accounts cannot request access. Ask a full member of the workspace to help."),
        _ => null,
    };

    private static AccessDecision.Refused InvalidBucket(string bucket)
    {
        var lower = bucket.ToLowerInvariant();
        var hint = lower != bucket && BucketRules.IsValid(lower) ? $" Bucket names are lowercase: try `{lower}`." : "";
        return new(RefusalReason.InvalidBucket, $"`{MessageText.Clip(bucket)}` is not a valid S3 bucket name ({BucketRules.Description}).{hint}");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
