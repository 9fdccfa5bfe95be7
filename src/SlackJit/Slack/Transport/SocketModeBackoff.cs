namespace SlackJit.Slack.Transport;

/// <summary>
/// Reconnect delays: exponential from <see cref="Initial"/> up to <see cref="Max"/>, each drawn at
/// random from the upper half so many replicas do not reconnect in step. Replaceable in DI for tests.
/// </summary>
internal sealed record SocketModeBackoff(TimeSpan Initial, TimeSpan Max)
{
    public static SocketModeBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

    /// <summary>The delay before retry number <paramref name="attempt"/> (0 for the first).</summary>
    public TimeSpan Delay(int attempt) => Delay(attempt, Random.Shared.NextDouble());

    /// <param name="attempt">0 for the first retry.</param>
    /// <param name="sample">A uniform sample in [0, 1).</param>
    public TimeSpan Delay(int attempt, double sample)
    {
        var ceiling = Math.Min(Max.Ticks, Initial.Ticks * Math.Pow(2, Math.Clamp(attempt, 0, 30)));
        return TimeSpan.FromTicks((long)(ceiling * (0.5 + sample / 2)));
    }
}
