namespace SlackJit.Tests.Reliability.Races;

/// <summary>
/// Stands for the process dying. Once <see cref="Crash"/> is called, every outgoing call of the host that owns
/// this switch stops where it is: its answer (or error) never reaches the code after it, as if the process
/// had gone. Nothing the host was doing completes a store write afterwards.
/// </summary>
internal sealed class CrashSwitch
{
    private volatile bool _crashed;

    public bool Crashed => _crashed;

    public void Crash() => _crashed = true;

    /// <summary>A task that never completes: what follows it in a dead process never runs.</summary>
    public static Task Dead() => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;
}
