using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Requests;
using SlackJit.Slack.Api;
using SlackJit.Tests.Access;
using SlackJit.Tests.Slack.Api;

namespace SlackJit.Tests.Cards;

public sealed class ApprovalCardTests
{
    private static readonly ResourceOptions Analytics = new()
    {
        Name = "analytics",
        Bucket = "analytics-prod",
        MaxDuration = TimeSpan.FromHours(4),
        Approvers = ["U0APPROVE"],
    };

    private static readonly DateTimeOffset Now = AccessRequestBuilder.T0 + TimeSpan.FromMinutes(10);

    [Fact]
    public void Build_Pending_ShowsWhoWhatHowLongWhyAndButtonsWithFullId()
    {
        var request = AccessRequestBuilder.Pending().Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        var text = CardText.All(card.Blocks);
        Assert.Contains("<@U0REQUEST>", text, StringComparison.Ordinal);
        Assert.Contains("analytics-prod/reports/", text, StringComparison.Ordinal);
        Assert.Contains("2h", text, StringComparison.Ordinal);
        Assert.Contains("INC-4211 investigating", text, StringComparison.Ordinal);
        Assert.Contains(request.ShortId, text, StringComparison.Ordinal);
        Assert.Contains("0 of 1", text, StringComparison.Ordinal);
        Assert.Contains($"<!date^{AccessRequestBuilder.Deadline.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|2026-03-02 10:00 UTC>", text, StringComparison.Ordinal);

        var approve = CardText.Button(card.Blocks, "requests.approve");
        Assert.Equal(request.Id.ToString(), (string?)approve["value"]);
        Assert.Equal("primary", (string?)approve["style"]);
        var confirm = (string)approve["confirm"]!["text"]!["text"]!;
        Assert.Contains("U0REQUEST", confirm, StringComparison.Ordinal);
        Assert.Contains("analytics-prod/reports/", confirm, StringComparison.Ordinal);
        Assert.Contains("2h", confirm, StringComparison.Ordinal);

        var deny = CardText.Button(card.Blocks, "requests.deny");
        Assert.Equal(request.Id.ToString(), (string?)deny["value"]);
        Assert.Equal("danger", (string?)deny["style"]);

        Assert.Contains(request.ShortId, card.Text, StringComparison.Ordinal);
        Assert.Contains("waiting for approval", card.Text, StringComparison.Ordinal);
        Assert.Null(SlackLimits.CheckMessage(Args(card)));
    }

    [Fact]
    public void Build_LiveGrant_ShowsTheWindowAndOnlyARevokeButton()
    {
        var request = AccessRequestBuilder.In(RequestStatus.Active).Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        var text = CardText.All(card.Blocks);
        Assert.Contains("*Approved* by <@U0APPROVE>", text, StringComparison.Ordinal);
        Assert.Contains("access until <!date^", text, StringComparison.Ordinal);
        Assert.Equal([CardKeys.RevokeAction], CardText.Buttons(card.Blocks).Select(b => (string?)b["action_id"]));
        Assert.Null(SlackLimits.CheckMessage(Args(card)));
    }

    [Theory]
    [InlineData(RequestStatus.Approved, "*Approved* by <@U0APPROVE>", "issuing credentials")]
    [InlineData(RequestStatus.Issuing, "*Approved* by <@U0APPROVE>", "issuing credentials")]
    [InlineData(RequestStatus.Expired, "Approved by <@U0APPROVE>", "access *ended*")]
    [InlineData(RequestStatus.Ended, "Approved by <@U0APPROVE>", "ended* early by <@U0REQUEST>")]
    [InlineData(RequestStatus.Denied, "*Denied* by <@U0APPROVE>", "Deny reason: not now")]
    [InlineData(RequestStatus.Cancelled, "*Cancelled* by <@U0REQUEST>", "Cancelled")]
    [InlineData(RequestStatus.TimedOut, "*Timed out*", "nobody decided")]
    [InlineData(RequestStatus.Failed, "*access could not be issued*", "Why: AccessDenied")]
    public void Build_DecidedStatus_ShowsOutcomeAndNoButtons(RequestStatus status, string outcome, string detail)
    {
        var request = AccessRequestBuilder.In(status).Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        var text = CardText.All(card.Blocks);
        Assert.Contains(outcome, text, StringComparison.Ordinal);
        Assert.Contains(detail, text, StringComparison.Ordinal);
        Assert.Empty(CardText.Buttons(card.Blocks));
        Assert.Null(SlackLimits.CheckMessage(Args(card)));
    }

    [Theory]
    [InlineData(RequestStatus.Active)]
    [InlineData(RequestStatus.Expired)]
    [InlineData(RequestStatus.Ended)]
    public void Build_WithGrant_ShowsNoCredentialValues(RequestStatus status)
    {
        var request = AccessRequestBuilder.In(status).Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        var everything = card.Text + card.Blocks!.ToJsonString();
        Assert.DoesNotContain(AccessRequestBuilder.Grant().AccessKeyId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessRequestBuilder.Grant().AssumedRoleId, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DecidedStatus_SaysWhen()
    {
        var request = AccessRequestBuilder.In(RequestStatus.Denied).Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        var decidedAt = request.Events[^1].At.ToUnixTimeSeconds();
        Assert.Contains($"<!date^{decidedAt}^", CardText.All(card.Blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExpiryRecordedLate_SaysTheWindowsEndNotWhenTheSweeperGotThere()
    {
        var expired = AccessRequestBuilder.In(RequestStatus.Expired).Build();
        var windowEnd = expired.Grant?.WindowEnd ?? AccessRequests.WindowEnd(expired)!.Value;
        var lateEvent = expired.Events[^1] with { At = windowEnd + TimeSpan.FromHours(17) };
        var late = expired with { Events = expired.Events.SetItem(expired.Events.Count - 1, lateEvent) };

        var text = CardText.All(ApprovalCard.Build(late, Analytics, Now).Blocks);

        Assert.Contains($"access *ended* · <!date^{windowEnd.ToUnixTimeSeconds()}^", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"<!date^{lateEvent.At.ToUnixTimeSeconds()}^", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PendingPastDeadline_NoButtons()
    {
        var request = AccessRequestBuilder.Pending().Build();

        var card = ApprovalCard.Build(request, Analytics, AccessRequestBuilder.Deadline);

        Assert.Empty(CardText.Buttons(card.Blocks));
        Assert.Contains("Timing out", CardText.All(card.Blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PendingWithOneOfTwoApprovals_ShowsTallyAndWhoApproved()
    {
        var request = AccessRequestBuilder.Pending().WithRequiredApprovals(2).WithApprovals("U0FIRST").Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        var text = CardText.All(card.Blocks);
        Assert.Contains("1 of 2", text, StringComparison.Ordinal);
        Assert.Contains("approved so far by <@U0FIRST>", text, StringComparison.Ordinal);
        Assert.Equal(2, CardText.Buttons(card.Blocks).Count);
    }

    [Fact]
    public void Build_HostileReason_NeverInterpretedAsMentionLinkOrFormatting()
    {
        const string hostile = "<!channel> <@U1> <https://evil|click> *x*";
        var request = AccessRequestBuilder.Pending().WithReason(hostile).WithResource(new ResourceRef("analytics", "analytics-prod", "a*b*/<!here>/")).Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        foreach (var mrkdwn in CardText.Mrkdwn(card.Blocks).Append(card.Text))
        {
            Assert.DoesNotContain("<!channel>", mrkdwn, StringComparison.Ordinal);
            Assert.DoesNotContain("<!here>", mrkdwn, StringComparison.Ordinal);
            Assert.DoesNotContain("<@U1>", mrkdwn, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://evil", mrkdwn, StringComparison.Ordinal);
            Assert.DoesNotContain("*x*", mrkdwn, StringComparison.Ordinal);
        }
        // Shown literally, where Slack interprets nothing.
        Assert.Contains(CardText.Plain(card.Blocks), p => p.Contains(hostile, StringComparison.Ordinal));
        Assert.Contains(CardText.Plain(card.Blocks), p => p.Contains("a*b*/<!here>/", StringComparison.Ordinal));
        Assert.Contains("&lt;!here&gt;", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RightToLeftOverrideInReason_Removed()
    {
        var request = AccessRequestBuilder.Pending().WithReason("fix \u202Etxt.exe\u202C now").Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        var json = card.Blocks!.ToJsonString() + card.Text;
        Assert.DoesNotContain('\u202E', CardText.All(card.Blocks));
        Assert.DoesNotContain("\\u202E", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(CardText.Plain(card.Blocks), p => p.Contains("fix txt.exe now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_TenThousandCharReason_TruncatedAndAcceptedBySlack()
    {
        var request = AccessRequestBuilder.Pending().WithReason(new string('<', 10_000)).Build();

        var card = ApprovalCard.Build(request, Analytics, Now);

        Assert.All(CardText.Plain(card.Blocks).Concat(CardText.Mrkdwn(card.Blocks)), t => Assert.True(t.Length <= 3000, $"{t.Length} chars"));
        Assert.Contains(CardText.Plain(card.Blocks), p => p.EndsWith('…'));

        await using var slack = await SlackApiHarness.StartAsync();
        slack.Fake.AddChannel("C0APPROVERS");
        var posted = await slack.Api.PostMessageAsync("C0APPROVERS", card, CancellationToken.None);
        Assert.Equal(card.Text, slack.Fake.Message(posted.Channel, posted.Ts)!.Text);
    }

    [Fact]
    public void Build_ResourceRemovedFromCatalog_StillRenders()
    {
        var request = AccessRequestBuilder.In(RequestStatus.Active).Build();

        var card = ApprovalCard.Build(request, resource: null, Now);

        Assert.Contains("analytics", CardText.All(card.Blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EveryStatus_HasPlainFallbackText()
    {
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            var card = ApprovalCard.Build(AccessRequestBuilder.In(status).Build(), Analytics, Now);
            Assert.False(string.IsNullOrWhiteSpace(card.Text));
            Assert.Null(SlackLimits.CheckMessage(Args(card)));
        }
    }

    private static JsonObject Args(SlackMessage message, string channel = "C0APPROVERS") => new()
    {
        ["channel"] = channel,
        ["text"] = message.Text,
        ["blocks"] = message.Blocks!.DeepClone(),
    };
}
