using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>
/// Hands one due request to the handler registered for its status. Every step is a conditional write, so when
/// several replicas sweep at once one wins and the others move on. A request whose status has no handler (a
/// final one) has nothing due: it is rescheduled to never, so it is not read again.
/// </summary>
internal sealed class DueRequestAdvancer
{
    private readonly Dictionary<RequestStatus, IDueRequestHandler> _handlers = [];
    private readonly Rescheduler _rescheduler;

    public DueRequestAdvancer(IEnumerable<IDueRequestHandler> handlers, Rescheduler rescheduler)
    {
        foreach (var handler in handlers)
        {
            foreach (var status in handler.Statuses)
            {
                if (!_handlers.TryAdd(status, handler))
                {
                    throw new InvalidOperationException(
                        $"Two due-request handlers claim {status}: {_handlers[status].GetType().Name} and {handler.GetType().Name}.");
                }
            }
        }
        _rescheduler = rescheduler;
    }

    /// <summary>True when this call moved the request (a write of ours landed).</summary>
    public Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken) =>
        _handlers.TryGetValue(request.Status, out var handler)
            ? handler.AdvanceAsync(request, cancellationToken)
            : _rescheduler.RescheduleAsync(request, null, cancellationToken);
}
