using SlackJit.Access;
using SlackJit.Requests.Reminders;
using SlackJit.Slack.Api;
using SlackJit.Slack.Messaging;

namespace SlackJit.Requests.BreakGlass;

/// <summary>What the break-glass review says in the card's thread. Mentions are ids from the validated catalog; anything else is escaped.</summary>
internal static class BreakGlassText
{
    /// <summary>An automatic reminder while nobody has acknowledged the grant.</summary>
    public static SlackMessage Reminder(AccessRequest request, IReadOnlyList<string> reviewers) =>
        ReminderText.Thread($":rotating_light: {ReminderText.Who(reviewers)}: the *break-glass* grant {What(request)} is not acknowledged yet " +
                            $"(reminder {request.Reminders.Sent} of {request.Reminders.Max}; acknowledge by {SlackDates.DateTime(request.BreakGlass!.ReviewBy)}).");

    /// <summary>The one note when the review deadline passed without an acknowledgement.</summary>
    public static SlackMessage Overdue(AccessRequest request, IReadOnlyList<string> reviewers) =>
        ReminderText.Thread($":warning: *OVERDUE:* {ReminderText.Who(reviewers)}, nobody acknowledged the *break-glass* grant {What(request)} " +
                            $"before its review deadline ({SlackDates.DateTime(request.BreakGlass!.ReviewBy)}). Review what was done and press *Acknowledge* on the card.");

    /// <summary>The line above the escalated card, naming the escalation approvers.</summary>
    public static string EscalationNotice(AccessRequest request, ResourceOptions resource) =>
        $":rotating_light: *Escalated:* {ReminderText.Who(resource.EscalationApprovers)}, the *break-glass* grant {What(request)} has not been " +
        $"acknowledged since {SlackDates.DateTime(request.BreakGlass!.IssuedAt)}; you may acknowledge it here.";

    private static string What(AccessRequest request) =>
        $"{ReminderText.What(request)} by {Slack.Blocks.Mrkdwn.User(request.Requester.UserId)}";
}
