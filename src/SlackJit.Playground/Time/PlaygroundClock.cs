namespace SlackJit.Playground.Time;

/// <summary>
/// The playground's clock: the wall clock plus however far a person moved it forward. SlackJit, the emulated
/// workspace and sandbox STS all read it, so "+1 h" makes a grant expire everywhere at once. Timers keep real
/// durations (SlackJit's sweeper, every second here, notices what became due on its next tick).
/// </summary>
public sealed class PlaygroundClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward; never back (a store would see time run backwards).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
