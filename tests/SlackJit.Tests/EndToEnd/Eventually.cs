using System.Diagnostics;

namespace SlackJit.Tests.EndToEnd;

/// <summary>Polls for what the app does in the background (real time, bounded): the one waiting loop of the whole-app tests.</summary>
internal static class Eventually
{
    /// <summary>Long enough for a busy machine; a test that passes never waits for it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Polls <paramref name="probe"/> until it gives a value. A timeout names <paramref name="what"/> and adds what
    /// <paramref name="state"/> says about the world then.
    /// </summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null, Func<Task<string>>? state = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                var more = state is null ? "" : "\n" + await state();
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.{more}");
            }
            await Task.Delay(20);
        }
    }
}
