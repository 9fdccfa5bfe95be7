using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Grants;
using SlackJit.Requests;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Home;

/// <summary>
/// The Home tab: a <b>Request access</b> button, the person's open requests with their buttons, and their recent
/// history; for an approver also the requests waiting for them and the live grants they may revoke. Each list is cut
/// at a fixed size with an "and N more" line, so the whole view stays under Slack's 100 blocks whatever the store holds.
/// The buttons are the card's and the DM's own (same action ids), so each click is checked again by its handler.
/// </summary>
internal static class HomeView
{
    // Block budget: 3 (top, divider) + 1 + 2×10 + 1 (own) + 2 + 2×15 + 1 (waiting) + 2 + 2×15 + 1 (revocable) + 3 (history) = 95 ≤ 100.
    public const int MaxOpenShown = 10;
    public const int MaxWaitingShown = 15;
    public const int MaxRevocableShown = 15;
    public const int MaxHistoryShown = 10;

    private const int ResourceChars = 120;
    private const int ReasonChars = 200;

    public static JsonObject Build(HomeContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blocks = BlockList.ForHome();
        blocks.Add(Block.Header("S3 access"));
        blocks.Add(Block.Section(
            "Ask for temporary read-only access to an S3 bucket or prefix; approvers decide in Slack and the credentials come to your DM.",
            accessory: Element.Button(HomeKeys.RequestAccessAction, "Request access", "new", ButtonStyle.Primary)));

        blocks.Add(Block.Divider());
        blocks.Add(Block.Header("Your requests"));
        AddList(blocks, content.Open, MaxOpenShown, r => OwnItem(r, now), "Nothing pending or live.", "of your open requests");

        if (content.IsApprover)
        {
            blocks.Add(Block.Divider());
            blocks.Add(Block.Header("Waiting for you"));
            AddList(blocks, content.Waiting, MaxWaitingShown, r => WaitingItem(r, now), "No request is waiting for you.", "waiting; the approvers' channel has them all");
            blocks.Add(Block.Divider());
            blocks.Add(Block.Header("Live grants you may revoke"));
            AddList(blocks, content.Revocable, MaxRevocableShown, r => RevocableItem(r, now), "No live grant you may revoke.", "live grants");
        }

        blocks.Add(Block.Divider());
        blocks.Add(Block.Header("Recent history"));
        blocks.Add(content.History.Count == 0
            ? Block.Context("No finished requests yet.")
            : Block.Section(string.Join('\n', content.History.Take(MaxHistoryShown).Select(HistoryLine))));
        return HomeTab.Build(HomeKeys.CallbackId, blocks);
    }

    private static void AddList(
        BlockList blocks,
        IReadOnlyList<AccessRequest> items,
        int max,
        Func<AccessRequest, IEnumerable<JsonObject>> render,
        string empty,
        string moreWhat)
    {
        if (items.Count == 0)
        {
            blocks.Add(Block.Context(empty));
            return;
        }
        foreach (var item in items.Take(max))
        {
            blocks.AddRange(render(item));
        }
        if (items.Count > max)
        {
            blocks.Add(Block.Context($"…and {items.Count - max} more {moreWhat}."));
        }
    }

    private static IEnumerable<JsonObject> OwnItem(AccessRequest request, DateTimeOffset now)
    {
        var state = request.Status switch
        {
            RequestStatus.Pending =>
                $"Waiting for approval ({request.Approvals.Count} of {request.RequiredApprovals}) · times out {SlackDates.DateAtTime(request.Deadline)}",
            RequestStatus.Active when request.Grant is { } grant =>
                $"Live until {SlackDates.DateAtTime(grant.WindowEnd)} (ends {SlackDates.Relative(grant.WindowEnd, now)})",
            _ => "Approved: the credentials are on their way to your DM",
        };
        yield return Block.Section($"{Title(request)} · {DurationParser.Format(request.ApprovedDuration ?? request.RequestedDuration)}\n{state}\n{Reason(request)}");
        var buttons = request.Status switch
        {
            RequestStatus.Pending => [Element.Button(RequestsSlackKeys.CancelAction, "Cancel request", request.Id.ToString())],
            RequestStatus.Active => GrantMessages.Buttons(request).ToList(),
            _ => new List<JsonObject>(),
        };
        if (buttons.Count > 0)
        {
            yield return Block.Actions(null, buttons);
        }
    }

    private static IEnumerable<JsonObject> WaitingItem(AccessRequest request, DateTimeOffset now)
    {
        yield return Block.Section(
            $"{Title(request)} · {SlackText.Mention(request.Requester.UserId)} asks for {DurationParser.Format(request.RequestedDuration)}\n" +
            $"{Reason(request)}\n_{request.Approvals.Count} of {request.RequiredApprovals} approvals · times out {SlackDates.Relative(request.Deadline, now)}_");
        yield return Block.Actions(null, ApprovalCard.ApproveButton(request), ApprovalCard.DenyButton(request));
    }

    private static IEnumerable<JsonObject> RevocableItem(AccessRequest request, DateTimeOffset now)
    {
        var end = request.Grant?.WindowEnd ?? request.DueAt ?? now;
        yield return Block.Section(
            $"{Title(request)} · {SlackText.Mention(request.Requester.UserId)} · live until {SlackDates.DateAtTime(end)} (ends {SlackDates.Relative(end, now)})");
        yield return Block.Actions(null, ApprovalCard.RevokeButton(request));
    }

    private static string HistoryLine(AccessRequest request) =>
        $"{Title(request)} · {Outcome(request.Status)} · asked {SlackDates.DateAtTime(request.CreatedAt)}";

    private static string Title(AccessRequest request) =>
        $"*{request.ShortId}* · `{Mrkdwn.Escape(request.Resource.Display, ResourceChars)}`";

    // An empty quote renders as a stray bar: a request without a reason (Access:RequireReason off) says so.
    private static string Reason(AccessRequest request) =>
        string.IsNullOrWhiteSpace(request.Reason) ? "_No reason given._" : "> " + Mrkdwn.Escape(request.Reason.ReplaceLineEndings(" "), ReasonChars);

    private static string Outcome(RequestStatus status) => status switch
    {
        RequestStatus.Expired => "ended on time",
        RequestStatus.Ended => "ended early",
        RequestStatus.Denied => "denied",
        RequestStatus.Cancelled => "cancelled",
        RequestStatus.TimedOut => "timed out",
        RequestStatus.Failed => "failed",
        _ => status.ToString(),
    };
}
