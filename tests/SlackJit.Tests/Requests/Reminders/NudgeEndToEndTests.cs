using System.Net;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.Reminders;

/// <summary><b>Nudge approvers</b> from the requester's acknowledgement, on both stores: requester only, once per interval.</summary>
public sealed class NudgeEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private Task<SlackJitHarness> StartAsync(StoreKind store) =>
        SlackJitHarness.StartAsync(o =>
        {
            o.Settings["Lifecycle:SweeperEnabled"] = "false";
            o.Settings["Access:Reminders:Interval"] = "00:10:00";
            o.UseStore(store, dynalite);
        });

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task Nudge_ByRequester_RepliesInTheThreadOncePerInterval(StoreKind store)
    {
        await using var harness = await StartAsync(store);
        var ack = await harness.AskAsync("analytics-prod/reports 2h INC-4211 investigating");
        Assert.Contains(RequestsSlackKeys.NudgeAction, ack.ToJsonString(), StringComparison.Ordinal);
        var request = await harness.WaitForAsync(async () =>
            (await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 5, CancellationToken.None)).FirstOrDefault(r => r.Slack.CardTs is not null), "the card");

        using (var click = await harness.ClickAsync(RequestsSlackKeys.NudgeAction, request.Id.ToString(), Requester))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        }
        await harness.WaitForReplyAsync("Nudged");
        var nudge = Assert.Single(harness.ThreadReplies(request));
        Assert.Contains($"<@{Approver}>", nudge.Arg("text"), StringComparison.Ordinal);
        Assert.Contains($"<@{Requester}> is waiting", nudge.Arg("text"), StringComparison.Ordinal);

        // Twice at once within the interval: refused, nothing posted.
        foreach (var response in await Task.WhenAll(
            harness.ClickAsync(RequestsSlackKeys.NudgeAction, request.Id.ToString(), Requester),
            harness.ClickAsync(RequestsSlackKeys.NudgeAction, request.Id.ToString(), Requester)))
        {
            response.Dispose();
        }
        await harness.WaitForReplyAsync("nudged recently");
        Assert.Single(harness.ThreadReplies(request));

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        using (await harness.ClickAsync(RequestsSlackKeys.NudgeAction, request.Id.ToString(), Requester))
        {
        }
        await harness.WaitForAsync(() => Task.FromResult(harness.ThreadReplies(request).Count == 2 ? "two" : null), "the second nudge");
        Assert.Equal(2, (await harness.GetAsync(request.Id)).Count(AuditActions.Nudged));
    }

    [Fact]
    public async Task Nudge_BySomeoneElse_RefusedAndNothingPosted()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        var request = await harness.RequestWithCardAsync();

        using (await harness.ClickAsync(RequestsSlackKeys.NudgeAction, request.Id.ToString(), Outsider))
        {
        }

        await harness.WaitForReplyAsync($"Only <@{Requester}> can nudge the approvers of {request.ShortId}");
        Assert.Empty(harness.ThreadReplies(request));
        Assert.Equal(0, (await harness.GetAsync(request.Id)).Count(AuditActions.Nudged));
    }

    [Fact]
    public async Task Nudge_DecidedRequest_RefusedAsAlreadyDecided()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        var request = await harness.RequestWithCardAsync();
        using (await harness.ClickAsync(RequestsSlackKeys.CancelAction, request.Id.ToString(), Requester))
        {
        }
        await harness.WaitForRequestAsync(request.Id, r => r.Status == RequestStatus.Cancelled, "the cancel");

        using (await harness.ClickAsync(RequestsSlackKeys.NudgeAction, request.Id.ToString(), Requester))
        {
        }

        await harness.WaitForReplyAsync($"{request.ShortId} was cancelled by <@{Requester}>");
        Assert.Empty(harness.ThreadReplies(request));
    }

    [Fact]
    public async Task Nudge_FromTheFormsDmAck_RepliesInTheThread()
    {
        await using var harness = await StartAsync(StoreKind.Sqlite);
        using (var submit = await harness.SubmitViewAsync(
            RequestsSlackKeys.NewRequestCallback,
            RequestsFlow.Values(("resource", "analytics"), ("duration", "1h"), ("reason", "INC-4211 investigating")),
            privateMetadata: null,
            user: Requester))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }
        var dm = FakeSlackApi.DmChannelFor(Requester);
        var ack = await harness.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == dm && (c.Arg("blocks") ?? "").Contains(RequestsSlackKeys.NudgeAction, StringComparison.Ordinal));
        var request = await harness.WaitForAsync(async () =>
            (await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 5, CancellationToken.None)).FirstOrDefault(r => r.Slack.CardTs is not null), "the card");

        using (await harness.ClickAsync(RequestsSlackKeys.NudgeAction, request.Id.ToString(), Requester, channel: dm, messageTs: ack.Arg("ts") ?? "1.1"))
        {
        }

        await harness.WaitForAsync(() => Task.FromResult(harness.ThreadReplies(request).Count == 1 ? "one" : null), "the nudge in the thread");
        await harness.WaitForReplyAsync("Nudged");
    }
}
