using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Grants;
using SlackJit.Storage;

namespace SlackJit.Lifecycle;

/// <summary>
/// Takes one due request one step: post a missing card, time out, issue (or re-issue after a lost lease), expire.
/// Every step is a conditional write, so when several replicas sweep at once one wins and the others move on.
/// A due request that nothing can advance is rescheduled, so it is not read again on every page and sweep.
/// </summary>
internal sealed class DueRequestAdvancer(
    IAccessRequestStore store,
    CardUpdates cards,
    GrantIssuing issuing,
    GrantClosing closing,
    GrantDm dm,
    IOptions<BackgroundWorkOptions> options,
    TimeProvider time,
    ILogger<DueRequestAdvancer> logger)
{
    /// <summary>True when this call moved the request (a write of ours landed).</summary>
    public async Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (request.Status)
        {
            case RequestStatus.Pending:
                return await PendingAsync(request, now, cancellationToken);

            case RequestStatus.Approved or RequestStatus.Issuing:
                return await issuing.IssueAsync(request, cancellationToken) is not IssueResult.NotClaimed;

            case RequestStatus.Active when request.Grant is { } grant && grant.WindowEnd > now:
                return await RescheduleAsync(request, grant.WindowEnd, cancellationToken);

            case RequestStatus.Active:
                if (await closing.ExpireAsync(request, cancellationToken))
                {
                    return true;
                }
                // Slack did not take the scrub (or another replica expired it): look again after one interval.
                return await RescheduleAsync(request, now + options.Value.SweepInterval, cancellationToken);

            default:
                // A final request has nothing due.
                return await RescheduleAsync(request, null, cancellationToken);
        }
    }

    private async Task<bool> PendingAsync(AccessRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now >= request.Deadline)
        {
            var timeOut = Transitions.TimeOut(request, now);
            if (!timeOut.IsAllowed || await store.ApplyAsync(timeOut.Transition, cancellationToken) is not { Applied: true, Current: { } timedOut })
            {
                return false;
            }
            LifecycleLog.TimedOut(logger, timedOut.Id);
            await cards.UpdateAsync(timedOut, cancellationToken);
            await dm.TellAsync(timedOut, GrantNotices.TimedOut(timedOut), cancellationToken);
            return true;
        }

        var current = request;
        if (request.Slack.CardTs is null)
        {
            try
            {
                current = await cards.PostAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LifecycleLog.CardPostFailed(logger, request.Id, ex);
                var retryAt = now + options.Value.SweepInterval;
                return await RescheduleAsync(request, retryAt < request.Deadline ? retryAt : request.Deadline, cancellationToken);
            }
        }

        // With its card posted, a pending request is next due at its deadline.
        var posted = !ReferenceEquals(current, request);
        if (current.DueAt is { } due && due > now)
        {
            return posted;
        }
        var rescheduled = await RescheduleAsync(current, current.Deadline, cancellationToken);
        return posted || rescheduled;
    }

    private async Task<bool> RescheduleAsync(AccessRequest request, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        var result = await store.ApplyAsync(Transitions.Reschedule(request, dueAt, time.GetUtcNow()), cancellationToken);
        if (result.Applied)
        {
            LifecycleLog.Rescheduled(logger, request.Id, request.Status, dueAt);
        }
        return result.Applied;
    }
}
