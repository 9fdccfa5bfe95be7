using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace SlackJit.Tests.Fakes.Net;

/// <summary>
/// The faults a loopback fake plays: queued ones first, one per call, then <see cref="Always"/>. A fault may hold
/// the answer back (its delay) before the fake answers with it, or normally.
/// </summary>
internal sealed class LoopbackFaults<TFault>(Func<TFault, TimeSpan> delayOf)
    where TFault : class
{
    private readonly ConcurrentQueue<TFault> _next = new();

    /// <summary>When set, every call gets this fault (after the queued ones).</summary>
    public TFault? Always { get; set; }

    /// <summary>The next <paramref name="times"/> calls get <paramref name="fault"/>.</summary>
    public void FailNext(TFault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _next.Enqueue(fault);
        }
    }

    /// <summary>
    /// This call's fault (null for none), once its delay has passed; <c>Aborted</c> when the caller hung up meanwhile
    /// (then nothing is to be answered).
    /// </summary>
    public async Task<(TFault? Fault, bool Aborted)> TakeAsync(HttpContext context)
    {
        var fault = _next.TryDequeue(out var queued) ? queued : Always;
        if (fault is not null && delayOf(fault) is var delay && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return (fault, true);
            }
        }
        return (fault, false);
    }
}
