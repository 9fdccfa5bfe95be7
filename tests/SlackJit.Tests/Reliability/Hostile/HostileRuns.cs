using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// How many generated inputs each hostile-input property runs, and the runner that counts them. The numbers are
/// named so the documentation can quote them; every property checks that exactly its number of inputs ran and
/// writes it to the test output.
/// </summary>
internal static class HostileRuns
{
    // Parsers, unit level.
    public const int RequestGrammar = 2_500;
    public const int Durations = 2_000;
    public const int Prefixes = 2_000;
    public const int FormBodies = 1_500;
    public const int InteractionPayloads = 2_500;
    public const int SocketModeCommands = 500;
    public const int ViewSubmissionStates = 1_500;

    // The real app through its endpoints (signed, so every input reaches the parsers).
    public const int EndpointCommandTexts = 800;
    public const int EndpointFormBodies = 600;
    public const int EndpointInteractionPayloads = 1_000;

    public const int UnitTotal = RequestGrammar + Durations + Prefixes + FormBodies + InteractionPayloads + SocketModeCommands + ViewSubmissionStates;
    public const int EndpointTotal = EndpointCommandTexts + EndpointFormBodies + EndpointInteractionPayloads;
    public const int Total = UnitTotal + EndpointTotal;

    /// <summary>
    /// Checks <paramref name="property"/> (which asserts, so a failure names the input) on <paramref name="count"/>
    /// inputs from <paramref name="gen"/>. Synchronous: call it off the test's thread (<see cref="Task.Run(Action)"/>)
    /// when the property waits on async work.
    /// </summary>
    public static void Check<T>(ITestOutputHelper output, string name, int count, Gen<T> gen, Action<T> property)
    {
        var ran = 0;
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);
        FsCheck.Check.One(config, Prop.ForAll(gen.ToArbitrary(), (T input) =>
        {
            Interlocked.Increment(ref ran);
            property(input);
        }));

        Assert.Equal(count, ran);
        output.WriteLine($"{name}: {ran} generated inputs (hostile-input total per run: {Total}; unit {UnitTotal}, endpoints {EndpointTotal}).");
    }
}
