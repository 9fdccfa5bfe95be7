using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Requests.Reminders;

/// <summary>What reminders, nudges and the escalation notice say. Mentions are ids from the validated catalog; anything else is escaped.</summary>
internal static class ReminderText
{
    /// <summary>An automatic reminder in the card's thread.</summary>
    public static SlackMessage Reminder(AccessRequest request, IReadOnlyList<string> undecided) =>
        Thread($":bell: {Who(undecided)}: {What(request)} is still waiting for a decision " +
               $"(reminder {request.Reminders.Sent} of {request.Reminders.Max}; open until {SlackDates.DateTime(request.Deadline)}).");

    /// <summary>The requester's nudge in the card's thread.</summary>
    public static SlackMessage Nudge(AccessRequest request, IReadOnlyList<string> undecided) =>
        Thread($":wave: {Who(undecided)}: {Mrkdwn.User(request.Requester.UserId)} is waiting on {What(request)} " +
               $"(open until {SlackDates.DateTime(request.Deadline)}).");

    /// <summary>The line above the escalated card, naming the escalation approvers.</summary>
    public static string EscalationNotice(AccessRequest request, ResourceOptions resource) =>
        $":rotating_light: *Escalated:* {Who(resource.EscalationApprovers)}, {What(request)} has waited since " +
        $"{SlackDates.DateTime(request.CreatedAt)} without a decision; you may approve or deny it here.";

    /// <summary>What the requester is told after nudging.</summary>
    public static string Nudged(AccessRequest request, IReadOnlyList<string> undecided) =>
        $":wave: Nudged {Who(undecided)} about *{request.ShortId}* in the approvers' thread.";

    internal static string What(AccessRequest request) =>
        $"*{request.ShortId}* ({DurationParser.Format(request.RequestedDuration)} of `{Mrkdwn.Escape(request.Resource.Display, 300)}`)";

    internal static string Who(IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "Approvers" : string.Join(", ", ids.Take(20).Select(SlackText.ApproverMention));

    internal static SlackMessage Thread(string text) =>
        new(text, BlockList.ForMessage().Add(Block.Section(text)).ToJsonArray());
}
