using SlackJit.Access;

namespace SlackJit.Grants;

/// <summary>
/// How long each set of credentials lives. The window starts at approval; every issue or renewal asks STS for
/// min(time left in the window, <c>Aws:MaxSessionDuration</c>), never less than STS's 15-minute minimum.
/// So credentials end with the window, except when issuing itself was delayed (retries, a crash) until less
/// than 15 minutes of the window were left: those credentials outlive the window by at most the rest of the
/// 15 minutes. Renewals are refused once less than 15 minutes remain, so they never overshoot.
/// </summary>
public static class GrantDuration
{
    /// <summary>STS's longest session (12 h).</summary>
    public static readonly TimeSpan StsMaximum = SessionLimits.StsMaximum;

    /// <summary>
    /// Renew is offered only while the window outlasts the credentials by more than this: the STS expiry comes
    /// from STS's clock, so "a few seconds more" is noise, not a reason to renew.
    /// </summary>
    public static readonly TimeSpan RenewMargin = TimeSpan.FromMinutes(1);

    /// <summary>The session length for credentials issued with <paramref name="remaining"/> of the window left.</summary>
    public static TimeSpan For(TimeSpan remaining, TimeSpan maxSession)
    {
        var max = maxSession < StsMaximum ? maxSession : StsMaximum;
        var length = remaining < max ? remaining : max;
        var seconds = Math.Max(SessionLimits.StsMinimum.TotalSeconds, Math.Floor(length.TotalSeconds));
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Whether fresh credentials could still extend access: the window ends after these expire.</summary>
    public static bool CanRenew(DateTimeOffset sessionExpiry, DateTimeOffset windowEnd) => windowEnd - sessionExpiry > RenewMargin;
}
