namespace SlackJit.Playground;

/// <summary>The <c>Playground</c> section of <c>playground.json</c>.</summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";
    public const string DefaultDataFolder = "data/playground";

    /// <summary>Where the playground keeps SlackJit's SQLite store. Default <c>data/playground</c>.</summary>
    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>Start with an empty store each run. Default true.</summary>
    public bool ResetOnStart { get; set; } = true;

    /// <summary>Enforce Slack's rate-limit tiers (429 + Retry-After). Default true, as Slack does.</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>Object keys each sandbox bucket holds, to show what a session's policy lets it read or list.</summary>
    public Dictionary<string, List<string>> SampleKeys { get; set; } = [];
}
