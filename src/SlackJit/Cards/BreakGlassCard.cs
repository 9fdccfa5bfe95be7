using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Cards;

/// <summary>
/// The card of a break-glass grant (see docs/BREAK-GLASS.md), in place of the approval card: loud from its first line
/// ("BREAK-GLASS by @x: reason", the reason escaped), the grant's state, and its review — waiting with the deadline,
/// acknowledged by whom and when, or overdue. <b>Acknowledge</b> stays until someone acknowledges it (even after the
/// grant ended, even when overdue); <b>Revoke</b> while the grant is live.
/// </summary>
internal static class BreakGlassCard
{
    public static SlackMessage Build(AccessRequest request, ResourceOptions? resource, DateTimeOffset now, GrantScope? scope)
    {
        var review = request.BreakGlass ?? throw new ArgumentException("Not a break-glass request.", nameof(request));
        var blocks = BlockList.ForMessage();
        blocks.Add(Block.Header($"BREAK-GLASS: S3 read access {request.ShortId}"));
        blocks.Add(Block.Section(Loud(request)));
        blocks.Add(Block.Section(null, Fields(request, resource, review)));
        blocks.Add(Block.PlainSection($"Bucket/prefix: {request.Resource.Display}"));
        foreach (var line in GrantScopeText.Lines(scope))
        {
            blocks.Add(Block.PlainSection(line));
        }

        blocks.Add(Block.Section(StatusLine(request, now)));
        blocks.Add(Block.Section(ReviewLine(request, review, resource)));
        if (request.Status == RequestStatus.Failed && !string.IsNullOrWhiteSpace(request.Outcome))
        {
            blocks.Add(Block.PlainSection($"Why: {ApprovalCard.Clip(request.Outcome)}"));
        }
        if (ApprovalCard.DmCleanupNote(request) is { } cleanupNote)
        {
            blocks.Add(Block.PlainSection(cleanupNote));
        }

        var buttons = new List<JsonObject>();
        if (!review.IsAcknowledged)
        {
            buttons.Add(Element.Button(CardKeys.AcknowledgeAction, "Acknowledge", request.Id.ToString(), ButtonStyle.Primary));
        }
        if (request.Status == RequestStatus.Active && request.Grant is { } grant && now < grant.WindowEnd)
        {
            buttons.Add(ApprovalCard.RevokeButton(request));
        }
        if (buttons.Count > 0)
        {
            blocks.Add(Block.Actions(CardKeys.ActionsBlock, buttons));
        }

        return new SlackMessage($"{Loud(request)} ({request.ShortId}, {DurationParser.Format(request.RequestedDuration)} of `{Mrkdwn.Escape(request.Resource.Display, 300)}`)", blocks.ToJsonArray());
    }

    /// <summary>The line people see first, in the card and in the notification: who broke the glass and why (escaped).</summary>
    public static string Loud(AccessRequest request) =>
        $":rotating_light: *BREAK-GLASS* by {Mrkdwn.User(request.Requester.UserId)}: {Mrkdwn.Escape(request.Reason, ApprovalCard.MaxShownText)}";

    private static IEnumerable<string> Fields(AccessRequest request, ResourceOptions? resource, BreakGlassReview review)
    {
        yield return $"*Requester*\n{Mrkdwn.User(request.Requester.UserId)}";
        yield return $"*Duration*\n{DurationParser.Format(request.ApprovedDuration ?? request.RequestedDuration)}";
        yield return $"*Catalog entry*\n{Mrkdwn.Escape(resource?.Name ?? request.Resource.Name, 200)}";
        yield return $"*Issued*\n{SlackDates.DateTime(review.IssuedAt)} without approval";
        yield return $"*Acknowledge by*\n{SlackDates.DateTime(review.ReviewBy)}";
    }

    private static string StatusLine(AccessRequest request, DateTimeOffset now)
    {
        var when = ApprovalCard.DecidedAt(request) is { } at ? $" · {SlackDates.DateTime(at)}" : "";
        return request.Status switch
        {
            RequestStatus.Approved or RequestStatus.Issuing => ":key: Issuing credentials without approval…",
            RequestStatus.Active => $":key: Access is *live* until {SlackDates.DateTime(request.Grant?.WindowEnd ?? AccessRequests.WindowEnd(request) ?? now)}",
            RequestStatus.Expired => $":lock: Access *ended*{when}",
            RequestStatus.Ended when request.Revocation is { } revocation && revocation.By != request.Requester.UserId =>
                $":no_entry: Access *revoked* by {ApprovalCard.Mention(revocation.By)} · {SlackDates.DateTime(revocation.At)}{ApprovalCard.RevocationNote(revocation, now)}",
            RequestStatus.Ended => $":lock: Access *ended* early by {ApprovalCard.Mention(request.DecidedBy)}{when}{ApprovalCard.RevocationNote(request.Revocation, now)}",
            RequestStatus.Failed => $":warning: *Access could not be issued*{when}",
            _ => $"*{DecisionText.Describe(request.Status)}*",
        };
    }

    private static string ReviewLine(AccessRequest request, BreakGlassReview review, ResourceOptions? resource)
    {
        if (review is { AcknowledgedBy: { } by, AcknowledgedAt: { } at })
        {
            var late = at >= review.ReviewBy ? " (after the review deadline)" : "";
            return $":white_check_mark: *Acknowledged* by {ApprovalCard.Mention(by)} · {SlackDates.DateTime(at)}{late}";
        }
        var escalated = request.Reminders.EscalatedAt is { } escalatedAt
            ? $" · :rotating_light: escalated {SlackDates.DateTime(escalatedAt)}" +
              (resource?.EscalationApprovers is { Count: > 0 } escalation ? $" to {string.Join(", ", escalation.Take(20).Select(SlackText.ApproverMention))}" : "")
            : "";
        return review.OverdueAt is not null
            ? $":warning: *OVERDUE* · nobody acknowledged it by {SlackDates.DateTime(review.ReviewBy)}; an approver must review it now{escalated}"
            : $":eyes: *Not acknowledged yet* · an approver must review it by {SlackDates.DateTime(review.ReviewBy)}{escalated}";
    }
}
