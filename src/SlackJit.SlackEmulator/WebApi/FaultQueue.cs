namespace SlackJit.SlackEmulator.WebApi;

/// <summary>Faults queued per method (a Web API method name, <c>response_url</c>, or <c>*</c> for any).</summary>
public sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<SlackFault>> _faults = [];

    public void Inject(string method, SlackFault fault, int times = 1)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue))
            {
                _faults[method] = queue = new Queue<SlackFault>();
            }
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    public SlackFault? Next(string method)
    {
        lock (_gate)
        {
            foreach (var key in new[] { method, "*" })
            {
                if (_faults.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault))
                {
                    return fault;
                }
            }
            return null;
        }
    }
}
