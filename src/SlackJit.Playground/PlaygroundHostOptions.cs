namespace SlackJit.Playground;

/// <summary>How the playground wires the SlackJit host it runs (the defaults are what <c>dotnet run</c> does).</summary>
public sealed class PlaygroundHostOptions
{
    /// <summary>
    /// Point the AWS SDK at sandbox AWS through the process environment (<c>AWS_ENDPOINT_URL_STS</c>, sandbox keys,
    /// <c>AWS_REGION</c>), exactly as an operator would. Environment variables are per process, so a test process that
    /// runs several playgrounds at once turns this off and the host gets an SDK client built with the same endpoint.
    /// </summary>
    public bool AwsFromEnvironment { get; set; } = true;

    /// <summary>Extra settings for the SlackJit host (<c>key=value</c> as on its command line).</summary>
    public Dictionary<string, string> HostSettings { get; } = [];

    /// <summary>Keep the SlackJit host's logs quiet (tests).</summary>
    public bool QuietHost { get; set; }
}
