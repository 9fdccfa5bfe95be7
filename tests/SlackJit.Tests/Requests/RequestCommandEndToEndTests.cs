using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests;

/// <summary>The requester's side through the real endpoints, signed as Slack signs: command, form, list, cancel.</summary>
public sealed class RequestCommandEndToEndTests
{
    [Fact]
    public async Task Command_ValidRequest_EphemeralAckAndCardInApproverChannel()
    {
        await using var harness = await StartAsync();

        var ack = await harness.AskAsync("analytics-prod/reports 2h INC-4211 investigating");

        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        var request = Assert.Single(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        Assert.Contains(request.ShortId, (string?)ack["text"], StringComparison.Ordinal);
        Assert.Contains($"<#{SlackJitHarness.ApproverChannel}>", (string?)ack["text"], StringComparison.Ordinal);
        Assert.Equal(request.Id.ToString(), (string?)CardText.Button(ack["blocks"]!.AsArray(), RequestsSlackKeys.CancelAction)["value"]);
        Assert.Equal(RequestStatus.Pending, request.Status);

        var posted = await harness.WaitForRequestAsync(request.Id, r => r.Slack.CardTs is not null, "the card");
        Assert.Equal(SlackJitHarness.ApproverChannel, posted.Slack.CardChannel);
        // Next due at its first reminder (Access:Reminders:Interval after it was made), well before its deadline.
        Assert.Equal(posted.CreatedAt + SlackJit.Access.ReminderOptions.DefaultInterval, posted.DueAt);
        var card = Assert.Single(harness.Slack.Messages(SlackJitHarness.ApproverChannel));
        Assert.Contains($"<@{Requester}>", card.AllText, StringComparison.Ordinal);
        Assert.Contains("analytics-prod/reports", card.AllText, StringComparison.Ordinal);
        Assert.Contains("2h", card.AllText, StringComparison.Ordinal);
        Assert.Contains("INC-4211 investigating", card.AllText, StringComparison.Ordinal);
        Assert.Contains(request.ShortId, card.Text, StringComparison.Ordinal);
        Assert.Equal(request.Id.ToString(), (string?)CardText.Button(card.Blocks, RequestsSlackKeys.ApproveAction)["value"]);
        Assert.Equal(request.Id.ToString(), (string?)CardText.Button(card.Blocks, RequestsSlackKeys.DenyAction)["value"]);
    }

    /// <summary>
    /// Commands answered in the ephemeral ack alone: what is typed, by whom, a Slack method that fails first (or none),
    /// and what the answer says.
    /// </summary>
    public static TheoryData<string, string, string?, string> AnsweredAtTheAck => new()
    {
        { "payroll-prod 1h curious", Requester, null, "not among the buckets you can request" },
        { "analytics-prod 1h looking", Guest, null, "Guest accounts cannot request access" },
        { "analytics-prod 1h looking", Requester, "users.info", RequestReplies.CouldNotCheckAccount },
        { "help", Requester, null, "/s3-access list" },
        { "help", Requester, null, "/s3-access cancel R-XXXXXX" },
        { "list", Requester, null, "You have no requests yet" },
        { "cancel R-ZZZZZZ", Requester, null, "I can't find request" },
        { "/reports 2h why", Requester, null, "Start with the bucket name" },
        { "—break-glass", Requester, null, "Tell me what you need: " + RequestReplies.BreakGlassUsage },
    };

    [Theory]
    [MemberData(nameof(AnsweredAtTheAck))]
    public async Task Command_AnsweredAtTheAck_SaysSoAndNothingIsStoredOrPosted(string text, string user, string? failingMethod, string expected)
    {
        await using var harness = await StartAsync();
        if (failingMethod is not null)
        {
            harness.Slack.Inject(failingMethod, SlackFault.Error("fatal_error"));
        }

        var ack = await harness.AskAsync(text, user);

        Assert.Contains(expected, (string?)ack["text"], StringComparison.Ordinal);
        Assert.Empty(await harness.Store.GetByRequesterAsync(new SlackIdentity(user, TeamId), 10, CancellationToken.None));
        Assert.Empty(harness.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Command_TooManyPending_RefusedWithTheLimit()
    {
        await using var harness = await StartAsync(o => o.Settings["Access:MaxPendingPerRequester"] = "1");
        await harness.AskAsync("analytics-prod 1h first");

        var ack = await harness.AskAsync("analytics-prod 1h second");

        Assert.Contains("the most allowed is 1", (string?)ack["text"], StringComparison.Ordinal);
        Assert.Single(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Command_StoreUnavailable_FriendlyMessageEverywhere()
    {
        var store = Substitute.For<IAccessRequestStore, ISlotStore>();
        var down = new StoreUnavailableException("store down");
        store.GetByRequesterAsync(default!, default, default).ThrowsAsyncForAnyArgs(down);
        ((ISlotStore)store).TryCreateWithinCapsAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(down);
        store.GetAsync(default, default).ThrowsAsyncForAnyArgs(down);
        store.CreateAsync(default!, default).ThrowsAsyncForAnyArgs(down);
        store.ApplyAsync(default!, default).ThrowsAsyncForAnyArgs(down);
        await using var harness = await StartAsync(o => o.Services = s => s.AddSingleton(store));

        var request = await harness.AskAsync("analytics-prod 1h looking");
        var list = await harness.AskAsync("list");
        var cancel = await harness.AskAsync("cancel R-ABCDEF");
        using var click = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, Guid.CreateVersion7().ToString(), Approver);

        Assert.Equal(RequestReplies.StoreDown, (string?)request["text"]);
        Assert.Equal(RequestReplies.StoreDown, (string?)list["text"]);
        Assert.Equal(RequestReplies.StoreDown, (string?)cancel["text"]);
        Assert.Equal(System.Net.HttpStatusCode.OK, click.StatusCode);
        await harness.WaitForReplyAsync(RequestReplies.StoreDown);
        Assert.Empty(harness.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Command_ApproverChannelNotFound_RequesterToldWhichSettingAndRetriedLater()
    {
        await using var harness = await StartAsync(o => o.Settings["Slack:ApproverChannel"] = "C0MISSING");

        await harness.AskAsync("analytics-prod 1h looking");

        var reply = await harness.WaitForReplyAsync("Slack:ApproverChannel");
        Assert.Contains("channel_not_found", reply.Arg("text"), StringComparison.Ordinal);
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        var request = Assert.Single(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        request = await harness.WaitForRequestAsync(request.Id, r => r.Count(AuditActions.CardFailed) == 1, "the failure on record");
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Null(request.Slack.CardTs);
        Assert.Equal(Start + ApprovalCards.MisconfiguredRetry, request.DueAt);
        Assert.Equal("channel_not_found", request.Events[^1].Detail);
    }

    [Fact]
    public async Task Command_BotNotInResourcesChannel_NamesTheResourceSetting()
    {
        await using var harness = await StartAsync(o => o.Settings["Access:Resources:0:ApproverChannel"] = "C0NOBOT");
        harness.Slack.AddChannelWithoutBot("C0NOBOT");

        await harness.AskAsync("analytics-prod 1h looking");

        var reply = await harness.WaitForReplyAsync("not_in_channel");
        Assert.Contains("Access:Resources entry \"analytics\"", reply.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_List_ShowsMyRequestsNotOthers()
    {
        await using var harness = await StartAsync();
        var mine = await harness.RequestWithCardAsync();
        var theirs = await harness.RequestWithCardAsync("analytics-prod 1h theirs", user: Outsider);

        var list = await harness.AskAsync("list");

        var text = CardText.All(list["blocks"]!.AsArray());
        Assert.Contains(mine.ShortId, text, StringComparison.Ordinal);
        Assert.Contains("waiting for approval (0 of 1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ShortId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_CancelShortId_CancelledAndCardUpdated()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        var answer = await harness.AskAsync($"cancel {request.ShortId.ToLowerInvariant()}");

        Assert.Contains($"Cancelled *{request.ShortId}*", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Cancelled, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
        var card = await harness.WaitForCardAsync(request, "*Cancelled* by");
        Assert.Empty(CardText.Buttons(card.Blocks));
    }

    [Fact]
    public async Task Command_CancelFullIdOfSomeoneElse_RefusedAndUnchanged()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        var answer = await harness.AskAsync($"cancel {request.Id}", user: Outsider);

        Assert.Contains($"Only <@{Requester}> can cancel", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Pending, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CancelButton_InAck_CancelsAndReplacesTheAck()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        using var click = await harness.ClickAsync(RequestsSlackKeys.CancelAction, request.Id.ToString(), Requester, channel: "D0REQUESTER");

        var reply = await harness.WaitForReplyAsync("Cancelled");
        Assert.Equal("true", reply.Arg("replace_original"));
        Assert.Equal(RequestStatus.Cancelled, (await harness.Store.GetAsync(request.Id, CancellationToken.None))!.Status);
        await harness.WaitForCardAsync(request, "*Cancelled* by");
    }

    [Fact]
    public async Task Form_NoText_OpensTheRequestForm()
    {
        await using var harness = await StartAsync();

        var answer = await harness.AskAsync("");

        Assert.Empty(answer);
        var view = Assert.Single(harness.Slack.OpenedViews());
        Assert.Equal(RequestsSlackKeys.NewRequestCallback, (string?)view["callback_id"]);
        Assert.Contains("finance-data/reports/", view.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_DurationOverTheEntrysMax_InlineErrorUnderDuration()
    {
        await using var harness = await StartAsync();

        using var response = await harness.SubmitViewAsync(
            RequestsSlackKeys.NewRequestCallback,
            RequestsFlow.Values(("resource", "finance"), ("duration", "4h"), ("reason", "quarter close")),
            privateMetadata: null,
            user: Requester);

        var body = await BodyAsync(response);
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Contains("over the 2h maximum for finance", (string?)body["errors"]!["duration"], StringComparison.Ordinal);
        Assert.Empty(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Form_NoReason_InlineErrorUnderReason()
    {
        await using var harness = await StartAsync();

        using var response = await harness.SubmitViewAsync(
            RequestsSlackKeys.NewRequestCallback, RequestsFlow.Values(("resource", "analytics"), ("duration", "1h")), null, Requester);

        var body = await BodyAsync(response);
        Assert.Contains("Add a reason", (string?)body["errors"]!["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_Valid_CreatesRequestClosesFormPostsCardAndDmsTheAck()
    {
        await using var harness = await StartAsync();

        using var response = await harness.SubmitViewAsync(
            RequestsSlackKeys.NewRequestCallback,
            RequestsFlow.Values(("resource", "finance"), ("prefix", "2026/"), ("duration", "2h"), ("reason", "quarter close")),
            null,
            Requester);

        Assert.Empty(await BodyAsync(response));
        var request = Assert.Single(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        Assert.Equal(new ResourceRef("finance", "finance-data", "reports/2026/"), request.Resource);
        Assert.Equal(TimeSpan.FromHours(2), request.RequestedDuration);
        var dm = await harness.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmChannelFor(Requester) && (c.Arg("text") ?? "").Contains(request.ShortId, StringComparison.Ordinal));
        Assert.True(dm.Ok);
        await harness.WaitForRequestAsync(request.Id, r => r.Slack.CardTs is not null, "the card");
    }
}
