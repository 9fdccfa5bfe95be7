namespace SlackJit.Access;

/// <summary>
/// What AWS STS allows for one set of credentials, in one place: the domain (shortest request, renewals), the
/// options validator, <c>GrantDuration</c> and the STS issuer all read these. See docs/AWS-PLATFORM.md.
/// </summary>
public static class SessionLimits
{
    /// <summary>AssumeRole's shortest session: 15 minutes (DurationSeconds 900).</summary>
    public static readonly TimeSpan StsMinimum = TimeSpan.FromMinutes(15);

    /// <summary>AssumeRole's longest session for a role allowing it: 12 hours (DurationSeconds 43200).</summary>
    public static readonly TimeSpan StsMaximum = TimeSpan.FromHours(12);

    /// <summary>When the caller's own credentials come from a role (role chaining), AWS caps the session at 1 hour.</summary>
    public static readonly TimeSpan RoleChainingMaximum = TimeSpan.FromHours(1);
}
