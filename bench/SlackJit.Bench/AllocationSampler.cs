using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace SlackJit.Bench;

/// <summary>
/// Which types a scenario allocates, from the runtime's allocation ticks (one event about every 100 KB allocated,
/// naming the type that crossed the mark): a sample, so the shares are estimates, good enough to say where bytes go.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEvent = 10;
    private const long GcKeyword = 0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start()
    {
        _bytes.Clear();
        _recording = true;
    }

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTickEvent || eventData.PayloadNames is null)
        {
            return;
        }
        var type = Payload(eventData, "TypeName") as string ?? "?";
        var amount = Payload(eventData, "AllocationAmount64") is { } a ? Convert.ToInt64(a, CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    /// <summary>Prints the types that took the most sampled bytes, per request.</summary>
    public void Print(int requests, int top = 30)
    {
        var total = _bytes.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   sampled allocations by type (≈ bytes per request, share of {total / (double)requests / 1024:0.0} KB):"));
        foreach (var (type, bytes) in _bytes.OrderByDescending(e => e.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {bytes / (double)requests,8:0} B  {100.0 * bytes / total,5:0.0} %  {type}"));
        }
    }

    private static object? Payload(EventWrittenEventArgs e, string name)
    {
        var i = e.PayloadNames!.IndexOf(name);
        return i < 0 ? null : e.Payload![i];
    }
}
