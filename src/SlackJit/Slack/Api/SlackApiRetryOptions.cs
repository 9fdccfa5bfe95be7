namespace SlackJit.Slack.Api;

/// <summary>The <c>Slack:Retry</c> section: how Web API calls are retried. Defaults suit production.</summary>
public sealed class SlackApiRetryOptions
{
    public const string SectionName = "Slack:Retry";
    public const int DefaultMaxRetryAttempts = 3;
    public const int MaxAllowedRetryAttempts = 10;
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (0–10). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = DefaultMaxRetryAttempts;

    /// <summary>First back-off delay for transient failures; doubles each retry, with jitter. Default 0.5 s.</summary>
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>
    /// Longest <c>Retry-After</c> we are willing to wait; a longer one fails at once with <c>ratelimited</c>,
    /// because the work is better left to the sweeper than holding a worker. Default 30 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = DefaultMaxRetryAfter;

    /// <summary>
    /// Budget for one call including every retry and wait. Default: room for all attempts plus one full
    /// <see cref="MaxRetryAfter"/> wait and the back-offs.
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; }

    internal TimeSpan EffectiveTotalTimeout(TimeSpan attemptTimeout) =>
        TotalTimeout ?? (attemptTimeout * (MaxRetryAttempts + 1)) + MaxRetryAfter + (BaseDelay * (1 << Math.Min(MaxRetryAttempts, 10)));
}
