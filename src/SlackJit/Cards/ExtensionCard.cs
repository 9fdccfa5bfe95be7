using SlackJit.Access;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Messaging;

namespace SlackJit.Cards;

/// <summary>
/// The card asking the approvers for more time on a live grant, as a pure function of the request (like
/// <see cref="ApprovalCard"/>): Approve / Deny while the extension is open and the window has not ended, then its outcome.
/// The requester's reason is plain text, where Slack interprets nothing.
/// </summary>
public static class ExtensionCard
{
    public const string ApproveAction = "extension.approve";
    public const string DenyAction = "extension.deny";
    public const string ActionsBlock = "extension-actions";

    public static SlackMessage Build(AccessRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var extension = request.Extension ?? throw new ArgumentException("The request has no extension.", nameof(request));
        var from = DurationParser.Format(extension.From);
        var to = DurationParser.Format(extension.NewTotal);
        var blocks = BlockList.ForMessage()
            .Add(Block.Header($"More time for {request.ShortId}"))
            .Add(Block.Section(null, [
                $"*Requester*\n{Mrkdwn.User(request.Requester.UserId)}",
                $"*Window*\n{from} → *{to}*",
                $"*Catalog entry*\n{Mrkdwn.Escape(request.Resource.Name, 200)}",
                $"*Approvals*\n{extension.Approvals.Count} of {request.RequiredApprovals}",
            ]))
            .Add(Block.PlainSection($"Bucket/prefix: {request.Resource.Display}"))
            .Add(Block.PlainSection($"Reason: {Mrkdwn.TruncatePlain(Mrkdwn.Sanitize(extension.Reason), ApprovalCard.MaxShownText)}"))
            .Add(Block.Section(Status(request, extension, now)));
        if (IsOpen(request, now))
        {
            var value = request.Id.ToString();
            blocks.Add(Block.Actions(ActionsBlock,
                Element.Button(ApproveAction, "Approve", value, ButtonStyle.Primary,
                    confirm: new ConfirmDialog($"Extend {request.ShortId}?", $"Give user {request.Requester.UserId} {to} in all of read-only access to {request.Resource.Display}", "Approve", "Back", ButtonStyle.Primary)),
                Element.Button(DenyAction, "Deny", value, ButtonStyle.Danger)));
        }

        var text = $"{Mrkdwn.User(request.Requester.UserId)} asks to extend {request.ShortId} (`{Mrkdwn.Escape(request.Resource.Display, 300)}`) from {from} to {to}";
        return new SlackMessage(text, blocks.ToJsonArray());
    }

    public static bool IsOpen(AccessRequest request, DateTimeOffset now) =>
        request.Extension is { IsOpen: true } && request.Status == RequestStatus.Active && request.Grant is { } grant && now < grant.WindowEnd;

    private static string Status(AccessRequest request, ExtensionRequest extension, DateTimeOffset now)
    {
        var by = SlackText.Mention(extension.DecidedBy);
        return extension.Decision switch
        {
            AuditActions.ExtensionApproved => request.Grant is { } grant && !Access.Transitions.NeedsExtendedCredentials(request)
                ? $":white_check_mark: *Extended* by {by} · access until {SlackDates.DateTime(grant.WindowEnd)}"
                : $":white_check_mark: *Extended* by {by} · issuing credentials…",
            AuditActions.ExtensionDenied => $":x: *Extension denied* by {by} · access stays as it was",
            _ when IsOpen(request, now) => extension.Approvals.IsEmpty
                ? ":hourglass_flowing_sand: *Waiting for approval*"
                : $":hourglass_flowing_sand: *Waiting for approval* · approved so far by {string.Join(", ", extension.Approvals.Select(a => Mrkdwn.User(a.ApproverId)))}",
            _ => $":hourglass: The grant is {DecisionText.Describe(request.Status)}; nothing to decide",
        };
    }
}
