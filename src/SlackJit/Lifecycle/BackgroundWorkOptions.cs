namespace SlackJit.Lifecycle;

/// <summary>The <c>Lifecycle</c> section.</summary>
public sealed class BackgroundWorkOptions
{
    public const string SectionName = "Lifecycle";

    /// <summary>Items the queue holds before refusing more. Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Items run at once. Default 4.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often the sweeper looks for due work. Default 15 s.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Due requests read per sweep page. Default 50.</summary>
    public int SweepPageSize { get; set; } = 50;
}
