using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Tests.Access;
using SlackJit.Tests.Fakes;
using static SlackJit.Tests.Access.AccessRequestBuilder;

namespace SlackJit.Tests.Cards;

/// <summary>The break-glass card: loud, escaped, with Acknowledge until someone acknowledges and the review's state.</summary>
public sealed class BreakGlassCardTests
{
    private static readonly ResourceOptions Analytics = new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        Approvers = [ApproverId],
        EscalationApprovers = ["U0ONCALL"],
        BreakGlass = true,
    };

    private static readonly DateTimeOffset ReviewBy = ApprovedAt + TimeSpan.FromHours(24);

    private static AccessRequest BreakGlass(RequestStatus status, string reason = "INC-4211 outage") =>
        In(status).WithReason(reason).Build() with { Approvals = [], DecidedBy = RequesterId, BreakGlass = new BreakGlassReview(ApprovedAt, ReviewBy) };

    [Fact]
    public void Build_ActiveUnacknowledged_LoudLineAcknowledgeAndRevoke()
    {
        var card = ApprovalCard.Build(BreakGlass(RequestStatus.Active), Analytics, ApprovedAt + TimeSpan.FromMinutes(10));

        Assert.Null(SlackLimits.CheckMessage(new System.Text.Json.Nodes.JsonObject { ["channel"] = "C0APPROVERS", ["text"] = card.Text, ["blocks"] = card.Blocks?.DeepClone() }));
        var mrkdwn = CardText.Mrkdwn(card.Blocks);
        Assert.Contains($":rotating_light: *BREAK-GLASS* by <@{RequesterId}>: INC-4211 outage", mrkdwn);
        Assert.StartsWith($":rotating_light: *BREAK-GLASS* by <@{RequesterId}>: INC-4211 outage", card.Text, StringComparison.Ordinal);
        Assert.Contains(mrkdwn, t => t.Contains("*Not acknowledged yet*", StringComparison.Ordinal));
        Assert.Contains(mrkdwn, t => t.Contains("Access is *live*", StringComparison.Ordinal));
        Assert.Equal(["requests.acknowledge", "grants.revoke"], CardText.Buttons(card.Blocks).Select(b => (string?)b["action_id"]));
        Assert.Equal(Guid.Parse((string)CardText.Button(card.Blocks, "requests.acknowledge")["value"]!), BreakGlass(RequestStatus.Active).Id);
        Assert.DoesNotContain(mrkdwn, t => t.Contains("Approved", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ReasonWithMentionsAndLinks_EscapedSoNothingPings()
    {
        var card = ApprovalCard.Build(BreakGlass(RequestStatus.Active, "<!channel> see <https://evil.example|docs> & fix"), Analytics, ApprovedAt);

        var loud = Assert.Single(CardText.Mrkdwn(card.Blocks), t => t.Contains("BREAK-GLASS", StringComparison.Ordinal));
        Assert.EndsWith("&lt;!channel&gt; see &lt;https://evil.example|docs&gt; &amp; fix", loud, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Acknowledged_ShowsWhoAndWhenWithoutTheButton()
    {
        var request = BreakGlass(RequestStatus.Expired) with { BreakGlass = new BreakGlassReview(ApprovedAt, ReviewBy, "U0APPROVE", ApprovedAt + TimeSpan.FromHours(1)) };

        var card = ApprovalCard.Build(request, Analytics, ApprovedAt + TimeSpan.FromHours(3));

        Assert.Contains(CardText.Mrkdwn(card.Blocks), t => t.StartsWith(":white_check_mark: *Acknowledged* by <@U0APPROVE>", StringComparison.Ordinal));
        Assert.Empty(CardText.Buttons(card.Blocks));
    }

    [Fact]
    public void Build_OverdueAndEscalated_LoudAndStillAcknowledgeable()
    {
        var request = BreakGlass(RequestStatus.Expired) with
        {
            BreakGlass = new BreakGlassReview(ApprovedAt, ReviewBy, OverdueAt: ReviewBy),
            Reminders = new ReminderState(EscalatedAt: ApprovedAt + TimeSpan.FromHours(1)),
        };

        var card = ApprovalCard.Build(request, Analytics, ReviewBy + TimeSpan.FromMinutes(1));

        var review = Assert.Single(CardText.Mrkdwn(card.Blocks), t => t.Contains("OVERDUE", StringComparison.Ordinal));
        Assert.Contains("<@U0ONCALL>", review, StringComparison.Ordinal);
        Assert.Single(CardText.Buttons(card.Blocks), b => (string?)b["action_id"] == "requests.acknowledge");
    }

    [Fact]
    public void Build_DmCleanupFailing_SaysSoLikeTheApprovalCard()
    {
        var request = BreakGlass(RequestStatus.Expired) with { DmCleanup = new DmCleanup(DmCleanupState.Failing, 2, "chat.update: cant_update_message", ApprovedAt) };

        var card = ApprovalCard.Build(request, Analytics, ApprovedAt + TimeSpan.FromHours(3));

        Assert.Contains(CardText.Plain(card.Blocks), t => t.StartsWith("⚠️ DM clean-up failing", StringComparison.Ordinal));
        var clean = ApprovalCard.Build(BreakGlass(RequestStatus.Expired), Analytics, ApprovedAt + TimeSpan.FromHours(3));
        Assert.DoesNotContain(CardText.Plain(clean.Blocks), t => t.Contains("DM clean-up", StringComparison.Ordinal));
    }
}
