using SlackJit.Access;
using SlackJit.Storage;

namespace SlackJit.Lifecycle;

/// <summary>
/// Moves a due request's next due time when nothing can advance it now, so it is not read again on every page
/// and sweep. Used by the sweeper and by every status handler.
/// </summary>
public sealed class Rescheduler(IAccessRequestStore store, TimeProvider time, ILogger<Rescheduler> logger)
{
    /// <summary>True when the write landed; <paramref name="dueAt"/> null means "nothing due any more".</summary>
    public async Task<bool> RescheduleAsync(AccessRequest request, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var result = await store.ApplyAsync(Transitions.Reschedule(request, dueAt, time.GetUtcNow()), cancellationToken);
        if (result.Applied)
        {
            LifecycleLog.Rescheduled(logger, request.Id, request.Status, dueAt);
        }
        return result.Applied;
    }
}
