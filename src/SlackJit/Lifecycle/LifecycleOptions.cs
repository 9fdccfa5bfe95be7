namespace SlackJit.Lifecycle;

/// <summary>The <c>Lifecycle</c> section: the work queue, the sweeper and issuing.</summary>
public sealed class LifecycleOptions
{
    public const string SectionName = "Lifecycle";

    public const int DefaultQueueCapacity = 10_000;
    public const int DefaultWorkers = 4;
    public const int DefaultSweepPageSize = 50;
    public const int DefaultMaxIssueAttempts = 5;
    public static readonly TimeSpan DefaultSweepInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultIssueLease = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan DefaultIssueRetryDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultIssueRetryMaxDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan DefaultDmCleanupRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultDmCleanupRetryMaxDelay = TimeSpan.FromHours(1);
    public const int DefaultDmCleanupEditsBeforeDelete = 3;

    /// <summary>Items the queue holds before refusing more. Default 10,000.</summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>Items run at once. Default 4.</summary>
    public int Workers { get; set; } = DefaultWorkers;

    /// <summary>Whether the sweeper runs on its timer. Default true; tests that drive sweeps themselves turn it off.</summary>
    public bool SweeperEnabled { get; set; } = true;

    /// <summary>How often the sweeper looks for due work. Default 15 s; 1 s to 1 h.</summary>
    public TimeSpan SweepInterval { get; set; } = DefaultSweepInterval;

    /// <summary>Due requests read per sweep page. Default 50; 1 to 1000.</summary>
    public int SweepPageSize { get; set; } = DefaultSweepPageSize;

    /// <summary>
    /// How long a claim on issuing (or renewing) holds without a heartbeat before another worker may take over.
    /// Default 20 s; 5 s to 30 min. A working worker renews it every third of it (Grants/LeaseHeartbeat), so it need
    /// not outlast STS or Slack: it only bounds how long a crashed worker's claim blocks the next host.
    /// </summary>
    public TimeSpan IssueLease { get; set; } = DefaultIssueLease;

    /// <summary>Issuing attempts (claims) before the request fails for good. Default 5; 1 to 20.</summary>
    public int MaxIssueAttempts { get; set; } = DefaultMaxIssueAttempts;

    /// <summary>Wait after the first transient failure; doubled after each further one. Default 30 s.</summary>
    public TimeSpan IssueRetryDelay { get; set; } = DefaultIssueRetryDelay;

    /// <summary>Longest wait between issuing attempts. Default 10 min.</summary>
    public TimeSpan IssueRetryMaxDelay { get; set; } = DefaultIssueRetryMaxDelay;

    /// <summary>
    /// Wait after the first failed clean-up of an ended grant's DM (docs/REVOCATION.md); doubled after each further one.
    /// Default 1 min; 1 s to 1 h.
    /// </summary>
    public TimeSpan DmCleanupRetryDelay { get; set; } = DefaultDmCleanupRetryDelay;

    /// <summary>Longest wait between DM clean-up attempts. Default 1 h; from <see cref="DmCleanupRetryDelay"/> to 1 day.</summary>
    public TimeSpan DmCleanupRetryMaxDelay { get; set; } = DefaultDmCleanupRetryMaxDelay;

    /// <summary>
    /// Failed edits of the DM after which a clean-up deletes the message instead (<c>chat.delete</c>). Default 3; 1 to 20.
    /// Errors after which an edit can never work (e.g. <c>cant_update_message</c>) delete at once.
    /// </summary>
    public int DmCleanupEditsBeforeDelete { get; set; } = DefaultDmCleanupEditsBeforeDelete;

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: 30 s, 1 min, 2 min… up to the maximum.</summary>
    public TimeSpan RetryDelay(int attempts) => Doubling(IssueRetryDelay, IssueRetryMaxDelay, attempts);

    /// <summary>The wait after <paramref name="failures"/> failed DM clean-ups: 1 min, 2 min, 4 min… up to the maximum.</summary>
    public TimeSpan DmCleanupDelay(int failures) => Doubling(DmCleanupRetryDelay, DmCleanupRetryMaxDelay, failures);

    private static TimeSpan Doubling(TimeSpan first, TimeSpan max, int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = first * Math.Pow(2, exponent);
        return delay < max ? delay : max;
    }
}
