using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using SlackJit.Access;
using SlackJit.Lifecycle;
using SlackJit.Requests;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests;

/// <summary>The approvers' side through the real endpoints: approve, deny, who may, races, N of M.</summary>
public sealed class ApprovalEndToEndTests
{
    private readonly IWorkHandler<AdvanceRequest> _scheduler = Substitute.For<IWorkHandler<AdvanceRequest>>();

    private Task<SlackJitHarness> StartAsync(Action<HarnessOptions>? configure = null) =>
        SlackJitHarness.StartAsync(o =>
        {
            o.Services = s => s.AddSingleton(_scheduler);
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Approve_ByApprover_ApprovedCardUpdatedAndIssuanceScheduled()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver);

        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Approved, stored.Status);
        Assert.Equal(Approver, stored.DecidedBy);
        var card = await harness.WaitForCardAsync(request, $"*Approved* by <@{Approver}>");
        Assert.Contains("issuing credentials", card.AllText, StringComparison.Ordinal);
        Assert.Empty(CardText.Buttons(card.Blocks));
        await harness.WaitForAsync(() => Task.FromResult(_scheduler.ReceivedCalls().Any() ? "called" : null), "Schedule");
        await _scheduler.Received(1).HandleAsync(new AdvanceRequest(request.Id, RequestStatus.Approved), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Approve_GroupMember_Approved()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), GroupApprover);

        Assert.Equal(RequestStatus.Approved, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Approve_GroupUnreadable_RefusedSayingWhyAndUnchanged()
    {
        await using var harness = await StartAsync();
        harness.Slack.FailUserGroups();
        var request = await harness.RequestWithCardAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), GroupApprover);

        await harness.WaitForReplyAsync("plan_upgrade_required");
        var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Pending, stored.Status);
        Assert.Equal(1, stored.Count(AuditActions.ApproveRefused));
    }

    [Fact]
    public async Task Approve_NonApprover_RefusedEphemerallyAuditedAndUnchanged()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Outsider);

        var reply = await harness.WaitForReplyAsync("Only approvers of analytics");
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.Equal("false", reply.Arg("replace_original"));
        var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Pending, stored.Status);
        var attempt = Assert.Single(stored.Events, e => e.Action == AuditActions.ApproveRefused);
        Assert.Equal(Outsider, attempt.Actor);
        Assert.Equal(nameof(RefusalReason.NotAnApprover), attempt.Detail);
        Assert.Equal(2, CardText.Buttons(harness.Card(request).Blocks).Count);
        await _scheduler.DidNotReceiveWithAnyArgs().HandleAsync(default!, default);
    }

    [Fact]
    public async Task Approve_OwnRequest_RefusedAuditedAndUnchanged()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync(user: Approver);

        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver);

        await harness.WaitForReplyAsync("You can't approve your own request");
        var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Pending, stored.Status);
        Assert.Empty(stored.Approvals);
        Assert.Equal(nameof(RefusalReason.SelfApproval), Assert.Single(stored.Events, e => e.Action == AuditActions.ApproveRefused).Detail);
    }

    [Fact]
    public async Task Approve_OwnRequestWhereSelfApprovalIsAllowed_Approved()
    {
        await using var harness = await StartAsync(o => o.Settings["Access:Resources:0:AllowSelfApproval"] = "true");
        var request = await harness.RequestWithCardAsync(user: Approver);

        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver);

        Assert.Equal(RequestStatus.Approved, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Approve_TenConcurrentClicks_ExactlyOneApprovalOthersToldWhoDecided()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();
        string[] approvers = [Approver, SecondApprover, GroupApprover];

        var clicks = Enumerable.Range(0, 10)
            .Select(i => harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), approvers[i % approvers.Length]))
            .ToList();
        foreach (var response in await Task.WhenAll(clicks))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Approved, stored.Status);
        Assert.Equal(1, stored.Count(AuditActions.Approved));
        Assert.Single(stored.Approvals);
        var told = await harness.WaitForAsync(
            () => Task.FromResult(AlreadyApprovedReplies(harness) is { Count: 9 } replies ? replies : null), "nine 'already approved' replies");
        Assert.All(told, r => Assert.Contains($"already approved by <@{stored.DecidedBy}>", r, StringComparison.Ordinal));
        await harness.WaitForCardAsync(request, "*Approved* by");
        // The card's rewrite and the hand-over to Grants are separate work items: the card can be first.
        await harness.WaitForAsync(() => Task.FromResult(_scheduler.ReceivedCalls().Any() ? "called" : null), "the approved request handed to Grants");
        await _scheduler.Received(1).HandleAsync(new AdvanceRequest(request.Id, RequestStatus.Approved), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Approve_FinanceNeedsTwo_FirstCountsSecondApproves()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync("finance-data/reports/2026 1h quarter close");

        using (await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver))
        {
        }
        var afterOne = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Pending, afterOne.Status);
        Assert.Single(afterOne.Approvals);
        var card = await harness.WaitForCardAsync(request, "1 of 2");
        Assert.Equal(2, CardText.Buttons(card.Blocks).Count);

        using (await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver))
        {
        }
        await harness.WaitForReplyAsync("You already approved");
        await _scheduler.DidNotReceiveWithAnyArgs().HandleAsync(default!, default);

        using (await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), SecondApprover))
        {
        }
        var approved = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Approved, approved.Status);
        Assert.Equal([Approver, SecondApprover], approved.Approvals.Select(a => a.ApproverId));
        await harness.WaitForCardAsync(request, $"*Approved* by <@{Approver}>, <@{SecondApprover}>");
        await harness.WaitForAsync(() => Task.FromResult(_scheduler.ReceivedCalls().Any() ? "called" : null), "Schedule");
        await _scheduler.Received(1).HandleAsync(new AdvanceRequest(request.Id, RequestStatus.Approved), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Approve_TwoApproversAtOnceOnNofM_BothCount()
    {
        await using var harness = await StartAsync();
        for (var round = 0; round < 3; round++)
        {
            var request = await harness.RequestWithCardAsync($"finance-data/reports/{round} 1h round {round}");

            var responses = await Task.WhenAll(
                harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver),
                harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), SecondApprover));
            foreach (var response in responses)
            {
                response.Dispose();
            }

            var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
            Assert.Equal(RequestStatus.Approved, stored.Status);
            Assert.Equal(2, stored.Approvals.Count);
        }
    }

    [Fact]
    public async Task Deny_WithReason_DeniedRequesterDmedAndCardUpdated()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.DenyAction, request.Id.ToString(), Approver);

        var view = Assert.Single(harness.Slack.OpenedViews());
        Assert.Equal(RequestsSlackKeys.DenyReasonCallback, (string?)view["callback_id"]);
        Assert.Equal(request.Id.ToString(), (string?)view["private_metadata"]);
        Assert.Equal(RequestStatus.Pending, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);

        using var submit = await harness.SubmitViewAsync(
            RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values(("deny-reason", "not during the <!channel> freeze")), request.Id.ToString(), Approver);

        Assert.Empty(await BodyAsync(submit));
        var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(RequestStatus.Denied, stored.Status);
        Assert.Equal("not during the <!channel> freeze", stored.Outcome);
        var dm = await harness.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmChannelFor(Requester));
        Assert.Contains($"denied by <@{Approver}>", dm.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("not during the &lt;!channel&gt; freeze", dm.Arg("text"), StringComparison.Ordinal);
        var card = await harness.WaitForCardAsync(request, $"*Denied* by <@{Approver}>");
        Assert.Contains("Deny reason: not during the <!channel> freeze", CardText.Plain(card.Blocks));
        Assert.Empty(CardText.Buttons(card.Blocks));
    }

    [Fact]
    public async Task Deny_ByNonApprover_NoDialogRefusedAndAudited()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.DenyAction, request.Id.ToString(), Outsider);

        await harness.WaitForReplyAsync("Only approvers of analytics");
        Assert.Empty(harness.Slack.OpenedViews());
        Assert.Equal(1, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Count(AuditActions.DenyRefused));
    }

    [Fact]
    public async Task Deny_SubmittedAfterSomeoneApproved_DialogSaysWhoDecided()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();
        using (await harness.ClickAsync(RequestsSlackKeys.DenyAction, request.Id.ToString(), Approver))
        {
        }
        using (await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), SecondApprover))
        {
        }

        using var submit = await harness.SubmitViewAsync(
            RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values(("deny-reason", "no")), request.Id.ToString(), Approver);

        var body = await BodyAsync(submit);
        Assert.Equal("update", (string?)body["response_action"]);
        Assert.Contains($"already approved by <@{SecondApprover}>", CardText.All(body["view"]!["blocks"]!.AsArray()), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Approved, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Approve_UnknownRequestId_ToldNotFound()
    {
        await using var harness = await StartAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, Guid.CreateVersion7().ToString(), Approver);

        await harness.WaitForReplyAsync("I can't find request");
    }

    private static List<string> AlreadyApprovedReplies(SlackJitHarness harness) =>
        [.. harness.Slack.Calls(FakeSlackApi.ResponseUrlMethod)
            .Select(c => c.Arg("text") ?? "")
            .Where(t => t.Contains("already approved by", StringComparison.Ordinal))];
}
