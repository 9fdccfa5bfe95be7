namespace SlackJit.Tests.EndToEnd;

/// <summary>
/// Stands for the process dying. Once <see cref="Crash"/> is called, every outgoing call of the host that owns
/// this switch stops where it is: its connection is dropped (as the OS does for a dead process) and neither its
/// answer nor its error reaches the code after it. Nothing the host was doing completes a store write afterwards.
/// </summary>
internal sealed class CrashSwitch
{
    private readonly CancellationTokenSource _dying = new();
    private volatile bool _crashed;
    private volatile Func<HttpRequestMessage, bool>? _crashAfter;

    public bool Crashed => _crashed;

    /// <summary>Cancelled at the crash: the dead process's open connections close.</summary>
    public CancellationToken Dying => _dying.Token;

    public void Crash()
    {
        _crashed = true;
        _dying.Cancel();
    }

    /// <summary>Arms a crash right after the first call matching <paramref name="call"/> has been answered, before the caller sees the answer.</summary>
    public void CrashAfter(Func<HttpRequestMessage, bool> call) => _crashAfter = call;

    /// <summary>True (once) for the call the switch is armed for.</summary>
    public bool IsFatal(HttpRequestMessage request)
    {
        var armed = _crashAfter;
        if (armed is null || !armed(request))
        {
            return false;
        }
        _crashAfter = null;
        return true;
    }

    /// <summary>A task that never completes: what follows it in a dead process never runs.</summary>
    public static Task Dead() => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;
}
