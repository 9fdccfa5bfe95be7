using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests.Reminders;

/// <summary>
/// The sweeper's part for a pending request whose card is posted (or a break-glass grant whose review is open):
/// escalate it when its time has come, and post the next reminder in the card's thread when it is due. Each step is
/// claimed by a conditional write before Slack is called, so two sweepers never post the same reminder; the claim
/// also moves the request's due time on.
/// </summary>
internal sealed class PendingReminders(
    IAccessRequestStore store,
    IApprovalCards cards,
    SlackMessenger messenger,
    IOptions<AccessOptions> access,
    TimeProvider time,
    ILogger<PendingReminders> logger)
{
    /// <summary>Returns the request as stored afterwards and whether a write of ours landed.</summary>
    public async Task<(AccessRequest Request, bool Moved)> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var open = request.BreakGlass is { } review ? review.IsOpen : request.Status == RequestStatus.Pending;
        if (!open || request.Slack.CardTs is null || AccessPolicy.FindResource(access.Value, request.Resource) is not { } resource)
        {
            return (request, false);
        }

        var now = time.GetUtcNow();
        var current = request;
        var moved = false;
        if (Access.Reminders.EscalationDueAt(current) is { } escalateAt && escalateAt <= now)
        {
            (current, var escalated) = await EscalateAsync(current, resource, cancellationToken);
            moved |= escalated;
        }

        if (Access.Reminders.NextReminderAt(current) is { } remindAt && remindAt <= now)
        {
            (current, var reminded) = await RemindAsync(current, resource, cancellationToken);
            moved |= reminded;
        }

        return (current, moved);
    }

    private async Task<(AccessRequest, bool)> RemindAsync(AccessRequest request, ResourceOptions resource, CancellationToken cancellationToken)
    {
        var claim = await store.ApplyDecidingAgainAsync(request, r => Transitions.Remind(r, time.GetUtcNow()), cancellationToken);
        if (claim.Status != DecidedWriteStatus.Applied)
        {
            return (claim.Current, false);
        }

        var reminded = claim.Current;
        var card = new SlackMessageRef(reminded.Slack.CardChannel!, reminded.Slack.CardTs!);
        var text = reminded.BreakGlass is null
            ? ReminderText.Reminder(reminded, Access.Reminders.Undecided(resource, reminded))
            : BreakGlass.BreakGlassText.Reminder(reminded, BreakGlassReviews.Reviewers(resource, reminded));
        if (await messenger.ReplyInThreadAsync(card, text, reminded.Id, cancellationToken))
        {
            RemindersLog.Reminded(logger, reminded.Id, reminded.Reminders.Sent, reminded.Reminders.Max);
        }
        else
        {
            RemindersLog.ReminderNotPosted(logger, reminded.Id);
        }
        return (reminded, true);
    }

    private async Task<(AccessRequest, bool)> EscalateAsync(AccessRequest request, ResourceOptions resource, CancellationToken cancellationToken)
    {
        var claim = await store.ApplyDecidingAgainAsync(request, r => Transitions.Escalate(r, time.GetUtcNow()), cancellationToken);
        if (claim.Status != DecidedWriteStatus.Applied)
        {
            return (claim.Current, false);
        }

        var escalated = claim.Current;
        SlackMessageRef posted;
        try
        {
            var notice = escalated.BreakGlass is null
                ? ReminderText.EscalationNotice(escalated, resource)
                : BreakGlass.BreakGlassText.EscalationNotice(escalated, resource);
            posted = await cards.PostEscalationAsync(escalated, notice, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            // The claim stands (the escalation approvers may decide on the first card); a later sweep posts the card.
            RemindersLog.EscalationNotPosted(logger, escalated.Id, ex.Error);
            return (escalated, true);
        }

        RemindersLog.Escalated(logger, escalated.Id, posted.Channel, posted.Ts);
        var recorded = await store.ApplyDecidingAgainAsync(
            escalated, r => Transitions.EscalationPosted(r, posted.Channel, posted.Ts, time.GetUtcNow()), cancellationToken);
        // The first card shows the escalation too.
        await cards.UpdateAsync(recorded.Current, cancellationToken);
        return (recorded.Current, true);
    }
}
