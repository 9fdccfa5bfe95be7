using System.Globalization;
using SlackJit.Access;

namespace SlackJit.Slack.Messaging;

/// <summary>
/// Words a domain refusal for the person who was refused (mrkdwn: mentions, code spans, echoed input made inert).
/// The domain decides and states the facts; this is the only place they become sentences.
/// </summary>
internal static class RefusalText
{
    /// <summary>The slash command people type; named in hints.</summary>
    public const string Command = "/s3-access";

    public static string Text(this AccessDecision.Refused refused) => Text(refused.ToRefusal());

    public static string Text(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var f = refusal.Facts;
        if (f.Text is { } worded)
        {
            return worded;
        }

        var id = f.RequestId;
        return refusal.Reason switch
        {
            RefusalReason.InvalidPrefix => $"The prefix {SlackText.Code(f.Input ?? "")} {f.Problem}.",
            RefusalReason.UnknownBucket =>
                $"`{f.Input}` is not among the buckets you can request. If you need it, ask your platform team to add it to SlackJit's catalog.",
            RefusalReason.InvalidBucket => InvalidBucket(f),
            RefusalReason.PrefixOutsideResource =>
                $"{SlackText.Code(f.Input ?? "")} is outside what you may request: {string.Join(" or ", (f.Allowed ?? []).Select(r => $"`{r.Bucket}/{InputText.Clip(r.Prefix)}…`"))}.",
            RefusalReason.PolicyTooLarge =>
                $"{SlackText.Code(f.Input ?? "")} contains {SlackText.Plural(f.Count ?? 0, "separately approved prefix", "separately approved prefixes")}, too many to exclude in one AWS session policy; ask for a narrower prefix.",
            RefusalReason.DurationTooLong => $"{Format(f.Duration)} is over the {Format(f.Bound)} maximum for {f.Resource}.",
            RefusalReason.DurationTooShort => $"{Format(f.Duration)} is under the {Format(f.Bound)} minimum; ask for at least {Format(f.Bound)}.",
            RefusalReason.ReasonRequired =>
                $"Add a reason so approvers can decide, e.g. `{Command} {InputText.Clip(f.Input ?? "")} {Format(f.Duration)} INC-4211 investigating`.",
            RefusalReason.ReasonTooLong => $"The reason is {f.Count} characters; keep it under {f.Limit} (a ticket link and a few words).",
            RefusalReason.RequesterDeactivated => "Deactivated accounts cannot request access.",
            RefusalReason.RequesterIsBot => "Bots and apps cannot request access; a person has to ask.",
            RefusalReason.RequesterIsGuest => "Guest accounts cannot request access. Ask a full member of the workspace to help.",
            RefusalReason.TooManyPending =>
                $"You already have {SlackText.Plural(f.Count ?? 0, "request", "requests")} waiting for approval (the most allowed is {f.Limit}); cancel one or wait for a decision.",
            RefusalReason.TooManyRequests =>
                $"You made {SlackText.Plural(f.Count ?? 0, "request", "requests")} in the last hour (the most allowed is {f.Limit}); try again later.",
            RefusalReason.SelfApproval => $"You can't approve your own request {id}; another approver of {f.Resource} has to.",
            RefusalReason.NotAnApprover => $"Only approvers of {f.Resource} can decide on {id}.",
            RefusalReason.DuplicateApproval =>
                $"You already approved {id}; it needs {SlackText.Plural(f.Count ?? 0, "more approval", "more approvals")} from someone else.",
            RefusalReason.AlreadyDecided => DecisionText.AlreadyDecided(id ?? "", f.Status ?? RequestStatus.Pending, f.UserId),
            RefusalReason.PastDeadline => $"{id} timed out before anyone decided.",
            RefusalReason.WrongStatus => DecisionText.WrongStatus(id ?? "", f.Status ?? RequestStatus.Pending, f.Action ?? "changed"),
            RefusalReason.NotRequester => $"Only {SlackText.Mention(f.UserId)} can {f.Action} {id}.",
            RefusalReason.NotDue => f.Status switch
            {
                RequestStatus.Approved => $"{id} is due for issuing at {Utc(f.At)}.",
                RequestStatus.Active => $"{id} is active until {Utc(f.At)}.",
                _ => $"{id} is open until {Utc(f.At)}.",
            },
            RefusalReason.LeaseHeld => f.Status == RequestStatus.Active
                ? $"A renewal of {id} is already under way; the message updates when it is done."
                : $"{id} is being issued by another worker until {Utc(f.At)}.",
            RefusalReason.WindowClosed => f.CredentialsUntil is { } until
                ? $"Less than {SessionLimits.StsMinimum.TotalMinutes:0} minutes of the window of {id} remain, and AWS issues credentials " +
                  $"for at least {SessionLimits.StsMinimum.TotalMinutes:0} minutes, so they cannot be renewed. Your current credentials work until {Utc(until)}."
                : $"The access window of {id} ended at {Utc(f.At)}; make a new request.",
            RefusalReason.NudgeTooSoon => $"The approvers of {id} were nudged recently; you can nudge again at {Utc(f.At)}.",
            RefusalReason.ExtensionPending => $"Your earlier request for more time on {id} is still waiting for the approvers.",
            RefusalReason.ExtensionDecided => f.Action == AuditActions.ExtensionApproved
                ? $"The extension of {id} was already approved by {SlackText.Mention(f.UserId)}."
                : $"The extension of {id} was already denied by {SlackText.Mention(f.UserId)}.",
            RefusalReason.NudgesOff => $"Reminders are turned off, so the approvers of {id} can't be nudged.",
            RefusalReason.BreakGlassNotAllowed =>
                $"{f.Resource} does not allow break-glass: request it without `{RequestParser.BreakGlassFlag}` and an approver decides.",
            RefusalReason.BreakGlassTooLong =>
                $"Break-glass access lasts at most {Format(f.Bound)}; {Format(f.Duration)} is too long. Ask for {Format(f.Bound)} or less, or request it the usual way.",
            RefusalReason.BreakGlassReasonRequired =>
                $"Break-glass needs a reason the approvers will review, e.g. `{Command} {InputText.Clip(f.Input ?? "")} {Format(f.Duration)} {RequestParser.BreakGlassFlag} INC-4211 outage, no approver awake`.",
            RefusalReason.NotBreakGlass => $"{id} was not issued by break-glass; there is nothing to acknowledge.",
            RefusalReason.AlreadyAcknowledged => $"The break-glass grant {id} was already acknowledged by {SlackText.Mention(f.UserId)} at {Utc(f.At)}.",
            RefusalReason.SelfAcknowledgement => $"You can't acknowledge your own break-glass grant {id}; another approver has to review it.",
            RefusalReason.ReviewClosed => $"The review of {id} is closed.",
            _ => $"That can't be done ({refusal.Reason}).",
        };
    }

    private static string InvalidBucket(RefusalFacts f)
    {
        var hint = f.Suggestion is { } lower ? $" Bucket names are lowercase: try `{lower}`." : "";
        return $"{SlackText.Code(f.Input ?? "")} is not a valid S3 bucket name ({f.Problem}).{hint}";
    }

    private static string Format(TimeSpan? duration) => duration is { } d ? DurationParser.Format(d) : "";

    // The "u" format ("2026-03-02 10:00:00Z"), as these refusals have always shown times.
    private static string Utc(DateTimeOffset? at) => at is { } t ? t.ToString("u", CultureInfo.InvariantCulture) : "";
}
