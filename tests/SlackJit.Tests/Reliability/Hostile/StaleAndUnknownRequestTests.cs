using System.Net;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Messaging;
using SlackJit.Storage;
using SlackJit.Tests.Access;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// Buttons and dialogs aimed at requests that are over (an old card, a replayed click) or that do not exist: the
/// person gets a clear ephemeral answer, the request does not change (not even its version), and nothing is a 5xx.
/// </summary>
public sealed class StaleAndUnknownRequestTests
{
    public static TheoryData<RequestStatus> FinalStates =>
    [
        RequestStatus.Approved, RequestStatus.Issuing, RequestStatus.Active, RequestStatus.Expired, RequestStatus.Ended,
        RequestStatus.Denied, RequestStatus.Cancelled, RequestStatus.TimedOut, RequestStatus.Failed,
    ];

    [Theory]
    [MemberData(nameof(FinalStates))]
    public async Task EveryAction_OnRequestPastPending_ClearReplyAndNoChange(RequestStatus status)
    {
        await using var harness = await StartAsync();
        var request = AccessRequestBuilder.In(status).WithId(Guid.CreateVersion7(Start)).WithRequester(Requester).Build();
        Assert.Equal(CreateResult.Created, await harness.Store.CreateAsync(request, CancellationToken.None));
        var expected = DecisionText.AlreadyDecided(request.ShortId, request.Status, request.DecidedBy);

        using var approve = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), Approver);
        using var deny = await harness.ClickAsync(RequestsSlackKeys.DenyAction, request.Id.ToString(), Approver);
        using var cancel = await harness.ClickAsync(RequestsSlackKeys.CancelAction, request.Id.ToString(), Requester, channel: "D0REQUESTER");
        using var denyReason = await harness.SubmitViewAsync(
            RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values(("deny-reason", "too late")), request.Id.ToString(), Approver);
        var command = await harness.AskAsync($"cancel {request.Id}");

        foreach (var click in new[] { approve, deny, cancel })
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
            Assert.Equal("", await click.Content.ReadAsStringAsync());
        }
        // The three clicks are answered through their response_url, ephemerally, with where the request stands.
        var replies = await harness.WaitForAsync(() =>
        {
            var found = harness.Slack.Calls(FakeSlackApi.ResponseUrlMethod).Where(c => c.Arg("text") == expected).ToList();
            return Task.FromResult(found.Count >= 3 ? found : null);
        }, $"three replies saying '{expected}'");
        Assert.All(replies, r => Assert.Equal("ephemeral", r.Arg("response_type")));
        // The dialog is replaced by the same answer; the command answers it too.
        var dialog = await BodyAsync(denyReason);
        Assert.Equal("update", (string?)dialog["response_action"]);
        Assert.Contains(expected, CardText.All(dialog["view"]!["blocks"]!.AsArray()), StringComparison.Ordinal);
        Assert.Equal(expected, (string?)command["text"]);
        Assert.Equal("ephemeral", (string?)command["response_type"]);

        var stored = (await harness.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal((status, request.Version, request.Events.Count), (stored.Status, stored.Version, stored.Events.Count));
        Assert.Empty(harness.Slack.OpenedViews());
        Assert.Empty(harness.Slack.Calls("chat.update"));
    }

    public static TheoryData<string, string> MissingIds => new()
    {
        { "a v7 id nobody made", Guid.CreateVersion7().ToString() },
        { "the empty id", Guid.Empty.ToString() },
        { "not an id", "R-ABCDEF" },
        { "mention", "<!channel>" },
        { "empty", "" },
        { "long", new string('9', 3_000) },
    };

    [Theory]
    [MemberData(nameof(MissingIds))]
    public async Task Buttons_RequestThatDoesNotExist_ClearReplyNoChange(string what, string value)
    {
        await using var harness = await StartAsync();
        var pending = await EndpointAbuseTests.SeedPendingAsync(harness);
        var isId = RequestIds.TryParse(value, out var id);
        var expected = isId ? RequestReplies.NotFound(RequestIds.ToShort(id)) : RequestReplies.BrokenButton;

        using var approve = await harness.ClickAsync(RequestsSlackKeys.ApproveAction, value, Approver);
        using var deny = await harness.ClickAsync(RequestsSlackKeys.DenyAction, value, Approver);
        using var cancel = await harness.ClickAsync(RequestsSlackKeys.CancelAction, value, Requester);
        using var denyReason = await harness.SubmitViewAsync(RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values(("deny-reason", "no")), value, Approver);

        Assert.All(new[] { approve, deny, cancel, denyReason }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await harness.WaitForAsync(() =>
        {
            var count = harness.Slack.Calls(FakeSlackApi.ResponseUrlMethod).Count(c => c.Arg("text") == expected && c.Arg("response_type") == "ephemeral");
            return Task.FromResult(count >= 3 ? (object)count : null);
        }, $"three replies saying '{expected}' ({what})");
        var dialog = await BodyAsync(denyReason);
        Assert.Equal("update", (string?)dialog["response_action"]);
        Assert.Contains(expected, CardText.All(dialog["view"]!["blocks"]!.AsArray()), StringComparison.Ordinal);
        Assert.Equal(pending.Version, (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!.Version);
        Assert.Empty(harness.Slack.OpenedViews());
    }

    [Theory]
    [InlineData("cancel 00000000-0000-0000-0000-000000000000")]
    [InlineData("cancel R-ZZZZZZ")]
    [InlineData("cancel <!channel>")]
    public async Task CancelCommand_RequestThatDoesNotExist_NotFoundAndNoChange(string text)
    {
        await using var harness = await StartAsync();
        var pending = await EndpointAbuseTests.SeedPendingAsync(harness);

        var answer = await harness.AskAsync(text);

        Assert.StartsWith("I can't find request", (string?)answer["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Equal(pending.Version, (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task CancelCommand_SomeoneElsesRequestById_RefusedAndNoChange()
    {
        await using var harness = await StartAsync();
        var pending = await EndpointAbuseTests.SeedPendingAsync(harness);

        var answer = await harness.AskAsync($"cancel {pending.Id}", user: Outsider);

        Assert.Equal($"Only <@{Requester}> can cancel {pending.ShortId}.", (string?)answer["text"]);
        Assert.Equal(pending.Version, (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!.Version);
    }
}
