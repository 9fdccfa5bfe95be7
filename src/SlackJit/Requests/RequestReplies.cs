using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;
using SlackJit.Slack.Transport;

namespace SlackJit.Requests;

/// <summary>What the requester and approvers read: help, acknowledgements, lists, and the "try again" messages.</summary>
internal static class RequestReplies
{
    public const string StoreDown = "SlackJit can't reach its store right now; try again shortly.";
    public const string CouldNotCheckAccount = "I couldn't check your Slack account; try again shortly.";
    public const string Busy = "Many people are acting on this request at once; try again in a moment.";
    public const string BrokenButton = "That button doesn't belong to a request I know.";

    public static string NotFound(string id) => $"I can't find request `{Mrkdwn.Escape(id, 60)}`. See `/s3-access list` for yours.";

    // The request's syntax in mrkdwn, brackets escaped so Slack shows them (a bare < would open a link;
    // docs/SLACK-PLATFORM.md). The help, the usage and the parser's complaints all show this one.
    private const string Target = "/s3-access &lt;bucket&gt;[/&lt;prefix&gt;]";
    private const string RequestSyntax = "`" + Target + " [duration] &lt;reason&gt;`";

    /// <summary>How to ask, with an example: shown when a command cannot be read.</summary>
    public const string Usage = RequestSyntax + ", e.g. `/s3-access analytics-prod/reports 2h INC-4211 investigating`";

    /// <summary>How to break the glass, with an example.</summary>
    public const string BreakGlassUsage =
        "`" + Target + " &lt;duration&gt; " + RequestParser.BreakGlassFlag + " &lt;reason&gt;`, " +
        "e.g. `/s3-access analytics-prod/reports 30m " + RequestParser.BreakGlassFlag + " INC-4211 outage, no approver awake`";

    /// <summary>What to tell someone whose command text is not a request's shape.</summary>
    public static string CannotRead(ParseProblem problem) => problem switch
    {
        Access.ParseProblem.OnlyBreakGlass => $"Tell me what you need: {BreakGlassUsage}.",
        Access.ParseProblem.NoBucket => $"Start with the bucket name, e.g. `analytics-prod/reports`. Usage: {Usage}.",
        _ => $"Tell me what you need: {Usage}.",
    };

    public static string Help(AccessOptions options)
    {
        var duration = DurationParser.Format(options.DefaultDuration);
        var reason = options.RequireReason ? "required" : "optional";
        return string.Join('\n', new[]
        {
            "*Temporary read-only access to S3, approved in Slack*",
            $"• {RequestSyntax} — e.g. `/s3-access analytics-prod/reports 2h INC-4211 investigating`. Duration like `30m`, `2h`, `1h30m` (default {duration}); reason {reason}.",
            "• `/s3-access` — the same as a form.",
            "• `/s3-access list` — your recent requests and live access.",
            "• `/s3-access cancel R-XXXXXX` — withdraw a request that is still waiting.",
            "• `/s3-access help` — this message.",
            BreakGlassHelp(options),
            "Approvers decide in their channel; when approved you get the credentials and a console link by DM, and access ends by itself.",
        }.OfType<string>());
    }

    private static string? BreakGlassHelp(AccessOptions options)
    {
        var entries = options.Resources.Where(r => r.BreakGlass).Select(r => r.Name).ToList();
        return entries.Count == 0
            ? null
            : $"• {BreakGlassUsage} — emergencies only ({Mrkdwn.Escape(string.Join(", ", entries), 300)}): " +
              $"issued at once for at most {DurationParser.Format(options.BreakGlass.MaxDuration)}, announced loudly to the approvers, who must acknowledge it.";
    }

    /// <summary>The answer to a created request, with a button to cancel it (and one to nudge, when reminders are on).</summary>
    public static SlackMessage Ack(AccessRequest request, ApproverChannel channel)
    {
        var blocks = new AckBlocks(request, AckText(request, channel));
        return new SlackMessage(blocks.Text, blocks.ToJsonArray());
    }

    /// <summary>The same answer as the reply to the command: its blocks written straight to the response's JSON.</summary>
    public static SlackResponse AckReply(AccessRequest request, ApproverChannel channel)
    {
        var blocks = new AckBlocks(request, AckText(request, channel));
        return SlackResponse.Ephemeral(blocks.Text, blocks);
    }

    private static string AckText(AccessRequest request, ApproverChannel channel) => request.BreakGlass is { } review
        ? $":rotating_light: *Break-glass* *{request.ShortId}*: {DurationParser.Format(request.RequestedDuration)} of read-only access to " +
          $"`{Mrkdwn.Escape(request.Resource.Display, 600)}` is being issued without approval; the credentials come by DM. " +
          $"The approvers in {Mrkdwn.Channel(channel.Id)} are alerted and must acknowledge it by {SlackDates.DateTime(review.ReviewBy)}."
        : $":inbox_tray: Request *{request.ShortId}* for {DurationParser.Format(request.RequestedDuration)} of read-only access to " +
        $"`{Mrkdwn.Escape(request.Resource.Display, 600)}` is waiting for approval in {Mrkdwn.Channel(channel.Id)}" +
        $" (open until {SlackDates.DateTime(request.Deadline)}). You'll get a DM with the credentials when it is approved.";

    public static string Cancelled(AccessRequest request) =>
        $":no_entry_sign: Cancelled *{request.ShortId}* (`{Mrkdwn.Escape(request.Resource.Display, 600)}`).";

    public static string CardNotPosted(AccessRequest request, ApproverChannel channel, string error) => request.BreakGlass is not null
        ? $":warning: Your break-glass grant *{request.ShortId}* is being issued, but I couldn't alert the approvers' channel (`{error}`): " +
          $"{channel.Setting} is misconfigured or the SlackJit bot was not invited to it. Please tell your platform team; " +
          "I'll keep trying to post it, and the approvers must still acknowledge it."
        : $":warning: Your request *{request.ShortId}* is stored, but I couldn't post it to the approvers' channel (`{error}`): " +
        $"{channel.Setting} is misconfigured or the SlackJit bot was not invited to it. Please tell your platform team. " +
        $"I'll keep trying until the request times out ({SlackDates.DateTime(request.Deadline)}).";

    /// <summary>The DM to a requester whose request was denied.</summary>
    public static SlackMessage DeniedDm(AccessRequest request)
    {
        var by = request.DecidedBy is { } id ? Mrkdwn.User(id) : "an approver";
        var head = $":x: Your request *{request.ShortId}* for `{Mrkdwn.Escape(request.Resource.Display, 600)}` was denied by {by}.";
        var blocks = BlockList.ForMessage();
        blocks.Add(Block.Section(head));
        var text = head;
        if (!string.IsNullOrWhiteSpace(request.Outcome))
        {
            // The approver's words, in plain text: nothing in them is interpreted.
            blocks.Add(Block.PlainSection($"Reason: {request.Outcome}"));
            text += $" Reason: {Mrkdwn.Escape(request.Outcome, 2000)}";
        }
        return new SlackMessage(text, blocks.ToJsonArray());
    }

    /// <summary>The requester's recent requests, live access first.</summary>
    public static SlackMessage List(IReadOnlyList<AccessRequest> requests, DateTimeOffset now)
    {
        if (requests.Count == 0)
        {
            const string none = $"You have no requests yet. Ask with {RequestSyntax}, or see `/s3-access help`.";
            return new SlackMessage(none);
        }

        var blocks = BlockList.ForMessage();
        var live = requests.Where(r => r.Status == RequestStatus.Active).ToList();
        if (live.Count > 0)
        {
            blocks.Add(Block.Section("*Live access*\n" + string.Join('\n', live.Select(r => Line(r, now)))));
        }
        blocks.Add(Block.Section("*Your recent requests*\n" + string.Join('\n', requests.Select(r => Line(r, now)))));
        var text = $"You have {SlackText.Plural(live.Count, "live grant", "live grants")} and {SlackText.Plural(requests.Count, "recent request", "recent requests")}.";
        return new SlackMessage(text, blocks.ToJsonArray());
    }

    private static string Line(AccessRequest r, DateTimeOffset now)
    {
        var state = r.Status switch
        {
            RequestStatus.Pending when now < r.Deadline =>
                $"waiting for approval ({r.Approvals.Count} of {r.RequiredApprovals}), open until {SlackDates.DateTime(r.Deadline)}",
            RequestStatus.Pending => "timing out",
            RequestStatus.Approved or RequestStatus.Issuing => "approved, issuing credentials",
            RequestStatus.Active => $"*active* until {SlackDates.DateTime(r.Grant?.WindowEnd ?? AccessRequests.WindowEnd(r) ?? r.Deadline)}",
            _ => DecisionText.Describe(r.Status),
        };
        return $"• `{r.ShortId}` `{Mrkdwn.Escape(r.Resource.Display, 120)}` · {DurationParser.Format(r.ApprovedDuration ?? r.RequestedDuration)} · {state}";
    }

    /// <summary>A new DM: nobody decided before the deadline.</summary>
    public static SlackMessage TimedOutDm(AccessRequest request)
    {
        var text = $"Your request {request.ShortId} for `{Mrkdwn.Escape(request.Resource.Display)}` timed out: nobody decided before " +
                   $"{SlackDates.DateAtTime(request.Deadline)}. Ask again with `/s3-access` if you still need access.";
        return new SlackMessage($"Your request {request.ShortId} timed out.", BlockList.ForMessage().AddRange([Block.Section(text)]).ToJsonArray());
    }
}
