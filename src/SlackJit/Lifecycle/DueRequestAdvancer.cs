using SlackJit.Access;

namespace SlackJit.Lifecycle;

/// <summary>
/// Hands one due request to the handlers for any status (<see cref="IAnyStatusDueHandler"/>), then, when its status
/// has something due by now (<see cref="AccessRequests.StatusDueAt"/>: a request may be due only for work that
/// outlives its status, such as a break-glass review's reminder), to the handler registered for its status. Every step
/// is a conditional write, so when several replicas sweep at once one wins and the others move on. A request whose
/// status has no handler (a final one) has nothing due for its status: it is rescheduled to never (or to what an
/// any-status handler still has due), so it is not read again before then.
/// </summary>
internal sealed class DueRequestAdvancer
{
    private readonly Dictionary<RequestStatus, IDueRequestHandler> _handlers = [];
    private readonly IAnyStatusDueHandler[] _anyStatus;
    private readonly Rescheduler _rescheduler;
    private readonly TimeProvider _time;

    public DueRequestAdvancer(
        IEnumerable<IDueRequestHandler> handlers, Rescheduler rescheduler, TimeProvider time, IEnumerable<IAnyStatusDueHandler>? anyStatus = null)
    {
        _anyStatus = [.. anyStatus ?? []];
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
        _time = time;
    }

    /// <summary>True when this call moved the request (a write of ours landed).</summary>
    public async Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var moved = false;
        foreach (var any in _anyStatus)
        {
            (request, var step) = await any.AdvanceAsync(request, cancellationToken);
            moved |= step;
        }

        if (AccessRequests.StatusDueAt(request) is not { } due || due > _time.GetUtcNow())
        {
            return moved;
        }

        var advanced = _handlers.TryGetValue(request.Status, out var handler)
            ? await handler.AdvanceAsync(request, cancellationToken)
            : await _rescheduler.RescheduleAsync(request, null, cancellationToken);
        return moved || advanced;
    }
}
