using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests;

/// <summary>
/// A due Pending request: time it out at its deadline (card updated, requester told), else post its card if it
/// has none (a crash after the ack, or a channel that was misconfigured), then make it next due at its deadline.
/// </summary>
internal sealed class PendingRequests(
    IAccessRequestStore store,
    IApprovalCards cards,
    SlackMessenger messenger,
    Rescheduler rescheduler,
    Reminders.PendingReminders reminders,
    IOptions<LifecycleOptions> options,
    TimeProvider time,
    ILogger<PendingRequests> logger) : IDueRequestHandler
{
    public IReadOnlyCollection<RequestStatus> Statuses { get; } = [RequestStatus.Pending];

    public async Task<bool> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now >= request.Deadline)
        {
            return await TimeOutAsync(request, now, cancellationToken);
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
                RequestsLog.CardPostFailed(logger, request.Id, ex);
                var retryAt = now + options.Value.SweepInterval;
                return await rescheduler.RescheduleAsync(request, retryAt < request.Deadline ? retryAt : request.Deadline, cancellationToken);
            }
        }

        // With its card posted: escalation and reminders when due; then it is next due at the earliest of those and its deadline.
        var posted = !ReferenceEquals(current, request);
        (current, var followedUp) = await reminders.AdvanceAsync(current, cancellationToken);
        if (current.Status != RequestStatus.Pending || current.DueAt is { } due && due > now)
        {
            return posted || followedUp;
        }
        var next = Access.Reminders.NextDue(current);
        var rescheduled = await rescheduler.RescheduleAsync(current, next > now ? next : now + options.Value.SweepInterval, cancellationToken);
        return posted || followedUp || rescheduled;
    }

    private async Task<bool> TimeOutAsync(AccessRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeOut = Transitions.TimeOut(request, now);
        if (!timeOut.IsAllowed || await store.ApplyAsync(timeOut.Transition, cancellationToken) is not { Applied: true, Current: { } timedOut })
        {
            return false;
        }
        RequestsLog.TimedOut(logger, timedOut.Id);
        await cards.UpdateAsync(timedOut, cancellationToken);
        await messenger.TellAsync(timedOut.Requester.UserId, RequesterDm.Of(timedOut), timedOut.Id, RequestReplies.TimedOutDm(timedOut), cancellationToken);
        return true;
    }
}
