using System.Net;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.Reminders;

/// <summary>
/// Escalation through the sweeper on a moved clock, on both stores: past <c>EscalateAfter</c> the card is re-posted
/// in the entry's <c>EscalationChannel</c> naming the escalation approvers, who may then decide (and not before).
/// </summary>
public sealed class EscalationEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private const string EscalationChannel = "C0ESCALATE";
    private const string Escalation = "U0ONCALL";

    private async Task<SlackJitHarness> StartAsync(StoreKind store, string? channel = EscalationChannel)
    {
        var harness = await SlackJitHarness.StartAsync(o =>
        {
            o.Settings["Lifecycle:SweeperEnabled"] = "false";
            o.Settings["Access:Reminders:Interval"] = "00:00:00";
            o.Settings["Access:Resources:0:EscalationApprovers:0"] = Escalation;
            o.Settings["Access:Resources:0:EscalateAfter"] = "00:20:00";
            if (channel is not null)
            {
                o.Settings["Access:Resources:0:EscalationChannel"] = channel;
            }
            o.UseStore(store, dynalite);
        });
        harness.Slack.AddChannel(EscalationChannel);
        harness.Slack.AddUser(Escalation);
        return harness;
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Sweep_PastEscalateAfter_RepostsTheCardAndTheEscalationApproverMayApprove(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var request = await harness.RequestWithCardAsync();
        Assert.Equal(Start.AddMinutes(20), request.DueAt);

        // Before escalation the escalation approver is nobody.
        using (await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Escalation))
        {
        }
        await harness.WaitForReplyAsync("Only approvers of analytics");
        Assert.Equal(RequestStatus.Pending, (await harness.GetAsync(request.Id)).Status);

        harness.Time.Advance(TimeSpan.FromMinutes(20));
        await Task.WhenAll(Task.Run(harness.SweepAsync), Task.Run(harness.SweepAsync));

        var escalated = await harness.GetAsync(request.Id);
        Assert.Equal(1, escalated.Count(AuditActions.Escalated));
        Assert.Equal(1, escalated.Count(AuditActions.EscalationPosted));
        Assert.Equal(EscalationChannel, escalated.Reminders.EscalationChannel);
        var card = Assert.Single(harness.Slack.Messages(EscalationChannel));
        Assert.Equal(escalated.Reminders.EscalationTs, card.Ts);
        Assert.Contains($"<@{Escalation}> may decide too", card.AllText, StringComparison.Ordinal);
        Assert.Equal(card.Text, harness.Card(escalated).Text);
        var posted = Assert.Single(harness.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == EscalationChannel);
        Assert.Contains($"*Escalated:* <@{Escalation}>", posted.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("Approve", string.Join(",", CardText.Buttons(card.Blocks)), StringComparison.Ordinal);
        Assert.Contains("*Escalated*", harness.Card(escalated).AllText, StringComparison.Ordinal);
        Assert.Equal(escalated.Deadline, escalated.DueAt);

        using (var click = await harness.ClickAsync(
            RequestsSlackKeys.ApproveAction, request.Id.ToString(), Escalation, channel: EscalationChannel, messageTs: card.Ts))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        var approved = await harness.WaitForRequestAsync(request.Id, r => r.Status is RequestStatus.Approved or RequestStatus.Issuing or RequestStatus.Active, "the approval");
        Assert.Equal(Escalation, approved.DecidedBy);
        await harness.WaitForCardAsync(approved, $"by <@{Escalation}>");
        await harness.WaitForAsync(
            () => Task.FromResult(harness.Slack.Message(EscalationChannel, card.Ts) is { } c && c.AllText.Contains($"by <@{Escalation}>", StringComparison.Ordinal) ? c : null),
            "the escalated card to show the approval");
    }

    [Fact]
    public async Task Sweep_NoEscalationChannel_RepostsInTheCardsChannel()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite, channel: null);
        var request = await harness.RequestWithCardAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(20));
        await harness.SweepAsync();

        var escalated = await harness.GetAsync(request.Id);
        Assert.Equal(ApproverChannel, escalated.Reminders.EscalationChannel);
        Assert.NotEqual(escalated.Slack.CardTs, escalated.Reminders.EscalationTs);
        Assert.Equal(2, harness.Slack.Messages(ApproverChannel).Count);
    }

    [Fact]
    public async Task Sweep_EscalationCardFails_ClaimStandsAndALaterSweepPostsItOnce()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        var request = await harness.RequestWithCardAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(20));
        harness.Slack.Inject("chat.postMessage", SlackFault.Error("fatal_error"));

        await harness.SweepAsync();
        var claimed = await harness.GetAsync(request.Id);
        Assert.True(claimed.Reminders.Escalated);
        Assert.Null(claimed.Reminders.EscalationTs);
        Assert.Empty(harness.Slack.Messages(EscalationChannel));

        await harness.SweepAsync();
        Assert.Empty(harness.Slack.Messages(EscalationChannel));

        harness.Time.Advance(SlackJit.Access.Reminders.EscalationLease);
        await harness.SweepAsync();
        await harness.SweepAsync();
        Assert.Single(harness.Slack.Messages(EscalationChannel));
        Assert.Equal(2, (await harness.GetAsync(request.Id)).Count(AuditActions.Escalated));
    }
}
