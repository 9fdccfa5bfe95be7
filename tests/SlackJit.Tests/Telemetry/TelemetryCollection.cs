namespace SlackJit.Tests.Telemetry;

/// <summary>
/// The OpenTelemetry SDK listens to every meter and activity source named SlackJit in the process, so tests that
/// assert exact values over the whole app run while no other app does.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
