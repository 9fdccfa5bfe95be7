using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Cards;

/// <summary>
/// The approval card, as a pure function of the request: the same builder renders every status, so whoever
/// changes a request (a click, issuing, the sweeper) can rewrite the card from the stored record alone.
/// Text a requester typed (prefix, reason) and outcomes go into <c>plain_text</c>, where Slack interprets nothing —
/// no mention, no link, no bold that could make the card say something other than what is granted; where it has
/// to sit in mrkdwn (the notification fallback) it is escaped. Nothing credential-related is ever shown here.
/// </summary>
public static class ApprovalCard
{
    /// <summary>Longest reason shown; the domain caps reasons far below, this guards the Block Kit limit.</summary>
    public const int MaxShownText = 2_900;

    /// <param name="scope">What the grant excludes and where it works (from the catalog as it is now); null when unknown.</param>
    public static SlackMessage Build(AccessRequest request, ResourceOptions? resource, DateTimeOffset now, GrantScope? scope = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BreakGlass is not null)
        {
            return BreakGlassCard.Build(request, resource, now, scope);
        }

        var blocks = BlockList.ForMessage();
        blocks.Add(Block.Header($"S3 read access request {request.ShortId}"));
        blocks.Add(Block.Section(null, Fields(request, resource)));
        blocks.Add(Block.PlainSection($"Bucket/prefix: {request.Resource.Display}"));
        foreach (var line in GrantScopeText.Lines(scope))
        {
            blocks.Add(Block.PlainSection(line));
        }

        blocks.Add(Block.PlainSection(request.Reason.Length == 0 ? "Reason: (none given)" : $"Reason: {Clip(request.Reason)}"));
        blocks.Add(Block.Section(StatusLine(request, now)));
        if (request.Status == RequestStatus.Pending && request.Reminders.EscalatedAt is { } escalated)
        {
            var who = resource?.EscalationApprovers is { Count: > 0 } escalation
                ? string.Join(", ", escalation.Take(20).Select(SlackText.ApproverMention))
                : "the escalation approvers";
            blocks.Add(Block.Section($":rotating_light: *Escalated* {SlackDates.DateTime(escalated)} · {who} may decide too"));
        }
        if (Detail(request) is { } detail)
        {
            blocks.Add(Block.PlainSection(detail));
        }
        if (DmCleanupNote(request) is { } cleanupNote)
        {
            blocks.Add(Block.PlainSection(cleanupNote));
        }

        if (IsOpen(request, now))
        {
            blocks.Add(Block.Actions(CardKeys.ActionsBlock, ApproveButton(request), DenyButton(request)));
        }
        else if (request.Status == RequestStatus.Active && request.Grant is { } grant && now < grant.WindowEnd)
        {
            blocks.Add(Block.Actions(CardKeys.ActionsBlock, RevokeButton(request)));
        }

        return new SlackMessage(FallbackText(request, now), blocks.ToJsonArray());
    }

    /// <summary>
    /// Loud until Slack confirms the DM is clean (plain text); the code goes through FailureText's filter. Null while
    /// the clean-up is not failing.
    /// </summary>
    internal static string? DmCleanupNote(AccessRequest request) => request.DmCleanup is { IsFailing: true } cleanup
        ? $"⚠️ DM clean-up failing — secrets may still be visible in the requester's DM; ref {FailureText.Reference(request, cleanup.LastCode)} (details are in SlackJit's log)."
        : null;

    /// <summary>Buttons are shown only while a decision can still be taken.</summary>
    public static bool IsOpen(AccessRequest request, DateTimeOffset now) =>
        request.Status == RequestStatus.Pending && now < request.Deadline;

    private static IEnumerable<string> Fields(AccessRequest request, ResourceOptions? resource)
    {
        yield return $"*Requester*\n{Mrkdwn.User(request.Requester.UserId)}";
        yield return $"*Duration*\n{DurationParser.Format(request.ApprovedDuration ?? request.RequestedDuration)}";
        yield return $"*Catalog entry*\n{Mrkdwn.Escape(resource?.Name ?? request.Resource.Name, 200)}";
        yield return $"*Approvals*\n{request.Approvals.Count} of {request.RequiredApprovals}";
        yield return request.Status == RequestStatus.Pending
            ? $"*Decide by*\n{SlackDates.DateTime(request.Deadline)}"
            : $"*Requested*\n{SlackDates.DateTime(request.CreatedAt)}";
    }

    private static string StatusLine(AccessRequest request, DateTimeOffset now)
    {
        var approvedBy = Approvers(request);
        var when = DecidedAt(request) is { } at ? $" · {SlackDates.DateTime(at)}" : "";
        return request.Status switch
        {
            RequestStatus.Pending when now >= request.Deadline =>
                $":hourglass: *Timing out* · nobody decided by {SlackDates.DateTime(request.Deadline)}",
            RequestStatus.Pending => request.Approvals.IsEmpty
                ? $":hourglass_flowing_sand: *Waiting for approval* · {Needed(request)}"
                : $":hourglass_flowing_sand: *Waiting for approval* · approved so far by {approvedBy} · {Needed(request)}",
            RequestStatus.Approved or RequestStatus.Issuing =>
                $":white_check_mark: *Approved* by {approvedBy}{when} · issuing credentials…",
            RequestStatus.Active => AccessRequests.WindowEnd(request) is { } end
                ? $":white_check_mark: *Approved* by {approvedBy} · access until {SlackDates.DateTime(request.Grant?.WindowEnd ?? end)}"
                : $":white_check_mark: *Approved* by {approvedBy} · access is active",
            RequestStatus.Expired =>
                $":white_check_mark: Approved by {approvedBy} · access *ended*{when}",
            RequestStatus.Ended when request.Revocation is { } revocation && revocation.By != request.Requester.UserId =>
                $":no_entry: Approved by {approvedBy} · access *revoked* by {Mention(revocation.By)} · {SlackDates.DateTime(revocation.At)}{RevocationNote(revocation, now)}",
            RequestStatus.Ended =>
                $":white_check_mark: Approved by {approvedBy} · access *ended* early by {Mention(request.DecidedBy)}{when}{RevocationNote(request.Revocation, now)}",
            RequestStatus.Denied => $":x: *Denied* by {Mention(request.DecidedBy)}{when}",
            RequestStatus.Cancelled => $":no_entry_sign: *Cancelled* by {Mention(request.DecidedBy)}{when}",
            RequestStatus.TimedOut => $":hourglass: *Timed out* · nobody decided by {SlackDates.DateTime(request.Deadline)}",
            RequestStatus.Failed => $":warning: Approved by {approvedBy} · *access could not be issued*{when}",
            _ => $"*{DecisionText.Describe(request.Status)}*",
        };
    }

    // Free text from people or from the issuing step: plain_text, where nothing is interpreted.
    private static string? Detail(AccessRequest request) => request.Status switch
    {
        RequestStatus.Denied when !string.IsNullOrWhiteSpace(request.Outcome) => $"Deny reason: {Clip(request.Outcome)}",
        RequestStatus.Failed when !string.IsNullOrWhiteSpace(request.Outcome) => $"Why: {Clip(request.Outcome)}",
        _ => null,
    };

    private static string Needed(AccessRequest request)
    {
        var missing = request.RequiredApprovals - request.Approvals.Count;
        return missing == 1 ? "needs 1 more approval" : $"needs {missing} more approvals";
    }

    /// <summary>The card's Approve button (with its confirm dialog); also shown on the approver's App Home.</summary>
    public static System.Text.Json.Nodes.JsonObject ApproveButton(AccessRequest request)
    {
        var duration = DurationParser.Format(request.RequestedDuration);
        var confirm = new ConfirmDialog(
            $"Approve {request.ShortId}?",
            // Plain text: Slack cannot render a mention here, so the user id stands in for the name on the card above.
            $"Give user {request.Requester.UserId} {duration} of read-only access to {request.Resource.Display}",
            Confirm: "Approve",
            Deny: "Back",
            Style: ButtonStyle.Primary);
        return Element.Button(CardKeys.ApproveAction, "Approve", request.Id.ToString(), ButtonStyle.Primary, confirm: confirm);
    }

    // What AWS does with a revoked grant's credentials; loud while IAM fails.
    internal static string RevocationNote(Revocation? revocation, DateTimeOffset now) => revocation switch
    {
        { IsEnforced: true } => " · *revoked* in AWS: its credentials are denied",
        { Failure: not null } r when r.CredentialsExpire > now =>
            $" · :warning: *revoking in AWS failed* (retrying); its credentials work until {SlackDates.DateTime(r.CredentialsExpire)}",
        { } r when r.CredentialsExpire > now => " · revoking in AWS…",
        _ => "",
    };

    /// <summary>The Revoke button of a live grant (with its confirm dialog); also on the break-glass card and the approver's App Home.</summary>
    internal static System.Text.Json.Nodes.JsonObject RevokeButton(AccessRequest request) => Element.Button(
        CardKeys.RevokeAction, "Revoke", request.Id.ToString(), ButtonStyle.Danger,
        confirm: new ConfirmDialog(
            $"Revoke {request.ShortId}?",
            "The grant ends now: AWS denies its credentials and console sessions within a minute or so, and the requester is told who revoked it.",
            "Revoke",
            "Keep it",
            ButtonStyle.Danger));

    /// <summary>The card's Deny button (it opens the reason dialog); also on the approver's App Home.</summary>
    public static System.Text.Json.Nodes.JsonObject DenyButton(AccessRequest request) =>
        Element.Button(CardKeys.DenyAction, "Deny", request.Id.ToString(), ButtonStyle.Danger);

    private static string FallbackText(AccessRequest request, DateTimeOffset now)
    {
        var what = $"{Mrkdwn.User(request.Requester.UserId)} asks for {DurationParser.Format(request.RequestedDuration)} of read-only access to `{Mrkdwn.Escape(request.Resource.Display, 300)}` ({request.ShortId})";
        var state = request.Status == RequestStatus.Pending && now < request.Deadline
            ? "waiting for approval"
            : DecisionText.Describe(request.Status);
        return $"{what}: {state}";
    }

    private static string Approvers(AccessRequest request) =>
        request.Approvals.IsEmpty ? Mention(request.DecidedBy) : string.Join(", ", request.Approvals.Select(a => Mrkdwn.User(a.ApproverId)));

    internal static string Mention(string? userId) => string.IsNullOrEmpty(userId) ? "someone" : Mrkdwn.User(userId);

    // The transition into the current status (not a later same-status note such as slack-refs).
    internal static DateTimeOffset? DecidedAt(AccessRequest request)
    {
        var at = request.Events.LastOrDefault(e => e.To == request.Status && e.From != e.To)?.At;
        // An expiry is recorded when the sweeper gets to it, which may be late (the app was down); the access itself
        // ended with its window, and that is the time the card states.
        return request.Status == RequestStatus.Expired && (request.Grant?.WindowEnd ?? AccessRequests.WindowEnd(request)) is { } end && (at is null || end < at)
            ? end
            : at;
    }

    internal static string Clip(string text) => Mrkdwn.TruncatePlain(Mrkdwn.Sanitize(text), MaxShownText);
}
