using Microsoft.Extensions.Options;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Lifecycle;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;

namespace SlackJit.Requests.BreakGlass;

/// <summary>
/// The sweeper's part for a break-glass grant whose review is open, whatever the grant's status (see
/// docs/BREAK-GLASS.md): post its card if it is still missing, mark it overdue once its review deadline passed, else
/// escalate and remind like a pending request (<see cref="Reminders.PendingReminders"/>). Each step is claimed by a
/// conditional write before Slack is called, so two sweepers never post the same note.
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

        if (request.Slack.CardTs is null)
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

        return BreakGlassReviews.IsOverdue(request, now)
            ? await MarkOverdueAsync(request, cancellationToken)
            : await reminders.AdvanceAsync(request, cancellationToken);
    }

    private async Task<(AccessRequest, bool)> MarkOverdueAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var claim = await store.ApplyDecidingAgainAsync(request, r => Transitions.BreakGlassOverdue(r, time.GetUtcNow()), cancellationToken);
        if (claim.Status != DecidedWriteStatus.Applied)
        {
            return (claim.Current, false);
        }

        var overdue = claim.Current;
        BreakGlassLog.Overdue(logger, overdue.Id, overdue.Requester.UserId, overdue.BreakGlass!.ReviewBy);
        var reviewers = AccessPolicy.FindResource(access.Value, overdue.Resource) is { } resource
            ? BreakGlassReviews.Reviewers(resource, overdue)
            : [];
        await messenger.ReplyInThreadAsync(
            new SlackMessageRef(overdue.Slack.CardChannel!, overdue.Slack.CardTs!), BreakGlassText.Overdue(overdue, reviewers), overdue.Id, cancellationToken);
        await cards.UpdateAsync(overdue, cancellationToken);
        return (overdue, true);
    }
}
