using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests.BreakGlass;

/// <summary>
/// The sweeper's part for a break-glass grant whose review has something due, whatever the grant's status (see
/// docs/BREAK-GLASS.md): post its card if it is still missing (a refused card is recorded and retried after a back-off,
/// even after the review went overdue), mark it overdue once its review deadline passed (with or without a card), else
/// escalate and remind like a pending request (<see cref="Reminders.PendingReminders"/>). Review work only: the grant's
/// own steps are its status handler's, on its own due time. Each step is claimed by a conditional write before Slack is
/// called, so two sweepers never post the same note.
/// </summary>
internal sealed class BreakGlassReviewer(
    IAccessRequestStore store,
    IApprovalCards cards,
    Reminders.PendingReminders reminders,
    SlackMessenger messenger,
    IOptions<AccessOptions> access,
    TimeProvider time,
    ILogger<BreakGlassReviewer> logger) : IAnyStatusDueHandler
{
    public async Task<(AccessRequest Request, bool Moved)> AdvanceAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (BreakGlassReviews.NextDue(request) is not { } due || due > now)
        {
            return (request, false);
        }

        var (current, moved) = BreakGlassReviews.CardDueAt(request) <= now
            ? await PostCardAsync(request, cancellationToken)
            : (request, false);
        if (BreakGlassReviews.IsOverdue(current, now))
        {
            var (overdue, marked) = await MarkOverdueAsync(current, cancellationToken);
            return (overdue, moved | marked);
        }

        var (reminded, step) = await reminders.AdvanceAsync(current, cancellationToken);
        return (reminded, moved | step);
    }

    // A misconfigured channel is recorded by the cards (the retry's back-off); any other Slack failure is tried again next sweep.
    private async Task<(AccessRequest, bool)> PostCardAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var posted = await cards.PostAsync(request, cancellationToken);
            return (posted, posted.Version != request.Version);
        }
        catch (SlackApiException ex)
        {
            BreakGlassLog.CardNotPosted(logger, request.Id, ex.Error);
            return (request, false);
        }
    }

    // Recorded, audited and logged whether or not the card is up; the note in its thread and the card's rewrite need it.
    private async Task<(AccessRequest, bool)> MarkOverdueAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var claim = await store.ApplyDecidingAgainAsync(request, r => Transitions.BreakGlassOverdue(r, time.GetUtcNow()), cancellationToken);
        if (claim.Status != DecidedWriteStatus.Applied)
        {
            return (claim.Current, false);
        }

        var overdue = claim.Current;
        BreakGlassLog.Overdue(logger, overdue.Id, overdue.Requester.UserId, overdue.BreakGlass!.ReviewBy);
        if (overdue.Slack is { CardChannel: { } channel, CardTs: { } ts })
        {
            var reviewers = AccessPolicy.FindResource(access.Value, overdue.Resource) is { } resource
                ? BreakGlassReviews.Reviewers(resource, overdue)
                : [];
            await messenger.ReplyInThreadAsync(new SlackMessageRef(channel, ts), BreakGlassText.Overdue(overdue, reviewers), overdue.Id, cancellationToken);
            await cards.UpdateAsync(overdue, cancellationToken);
        }
        return (overdue, true);
    }
}
