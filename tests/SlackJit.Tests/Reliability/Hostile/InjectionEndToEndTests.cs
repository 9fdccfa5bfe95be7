using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Slack.Blocks;
using SlackJit.Tests.Cards;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// Text a requester or an approver types, carried to the approval card and the DMs through the real command, the
/// real form and the fake Slack (which rejects what Slack rejects): no broadcast, mention or link comes alive, no
/// direction override survives, Block Kit limits hold; prefixes IAM would read as patterns are refused up front.
/// </summary>
public sealed class InjectionEndToEndTests
{
    private const string Hostile = "INC-1 <!channel> <!here> <!subteam^S0APPROVERS> <@U0APPROVER1> <#C0APPROVERS> <https://evil.example|click here> *urgent* _now_ ~x~ `code` &amp; &lt;";
    private const string Bidi = "fix \u202Etxt.exe\u202C \u2066a\u2069 \u200Fb \u061Cc";

    [Theory]
    [InlineData(Hostile)]
    [InlineData(Bidi)]
    [InlineData("tab\there\u0007bell\u001B[31mred\u0000nul \u0085next")]
    public async Task Command_HostileReason_CardCarriesNoLiveMarkupAndNoBidi(string reason)
    {
        await using var harness = await StartAsync();

        var request = await harness.RequestWithCardAsync($"analytics-prod/reports 2h {reason}");

        var card = harness.Card(request);
        CardChecks.AssertNoInjectedMarkup(card, Requester);
        // Shown, but literally: in plain_text, with control characters dropped and whitespace collapsed.
        Assert.Contains(CardText.Plain(card.Blocks), p => p.StartsWith("Reason: ", StringComparison.Ordinal) && p.Contains(request.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(request.Reason, c => char.IsControl(c) || CardChecks.IsBidi(c));
        Assert.Null(SlackLimits.CheckMessage(new JsonObject { ["text"] = card.Text, ["blocks"] = card.Blocks?.DeepClone() }));
        Assert.All(harness.Slack.Calls("chat.postMessage"), c => Assert.True(c.Ok, c.Error));
    }

    [Fact]
    public async Task Form_HostileReasonAndPrefix_CardAndAckDmCarryNoLiveMarkup()
    {
        await using var harness = await StartAsync();

        using var response = await harness.SubmitViewAsync(
            RequestsSlackKeys.NewRequestCallback,
            RequestsFlow.Values(("resource", "finance"), ("prefix", "<!channel>/<@U0APPROVER1>|x/"), ("duration", "1h"), ("reason", Hostile + " " + Bidi)),
            null,
            Requester);

        Assert.Empty(await BodyAsync(response));
        var request = Assert.Single(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        Assert.Equal("reports/<!channel>/<@U0APPROVER1>|x/", request.Resource.Prefix);
        request = await harness.WaitForRequestAsync(request.Id, r => r.Slack.CardTs is not null, "the card");
        CardChecks.AssertNoInjectedMarkup(harness.Card(request), Requester);
        var ack = await harness.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmChannelFor(Requester));
        Assert.DoesNotContain("<!channel>", ack.Arg("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0APPROVER1>", ack.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_LongestPrefixFullOfMarkup_CardAcceptedAndConfirmDialogWithinLimits()
    {
        await using var harness = await StartAsync();
        var segment = "<!channel>&<@U0APPROVER1>|";
        var prefix = string.Concat(Enumerable.Repeat(segment, ResourceOptions.MaxPrefixLength / segment.Length + 1))[..ResourceOptions.MaxPrefixLength];

        var request = await harness.RequestWithCardAsync($"analytics-prod/{prefix} 2h INC-1 {new string('x', AccessPolicy.MaxReasonLength - 6)}");

        Assert.Equal(prefix, request.Resource.Prefix);
        var card = harness.Card(request);
        CardChecks.AssertNoInjectedMarkup(card, Requester);
        var confirm = CardText.Button(card.Blocks, RequestsSlackKeys.ApproveAction)["confirm"]!;
        Assert.True(((string)confirm["text"]!["text"]!).Length <= BlockLimits.ConfirmText);
        Assert.All(harness.Slack.Calls("chat.postMessage"), c => Assert.True(c.Ok, c.Error));
    }

    [Fact]
    public async Task Command_TenThousandCharacterReason_RefusedClearlyNothingStoredOrPosted()
    {
        await using var harness = await StartAsync();
        var reason = string.Concat(Enumerable.Repeat("<!channel> ", 1_000)).TrimEnd();

        var answer = await harness.AskAsync($"analytics-prod 1h {reason}");

        Assert.Equal($":no_entry: The reason is {reason.Length} characters; keep it under {AccessPolicy.MaxReasonLength} (a ticket link and a few words).", (string?)answer["text"]);
        Assert.Empty(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        Assert.Empty(harness.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Deny_HostileReason_CardAndRequesterDmCarryNoLiveMarkupAndNoBidi()
    {
        await using var harness = await StartAsync();
        var request = await harness.RequestWithCardAsync();

        using var submit = await harness.SubmitViewAsync(
            RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values(("deny-reason", Hostile + " " + Bidi)), request.Id.ToString(), Approver);

        Assert.Empty(await BodyAsync(submit));
        var card = await harness.WaitForCardAsync(request, "*Denied* by");
        CardChecks.AssertNoInjectedMarkup(card, Requester, Approver);
        var dm = await harness.Slack.WaitForCallAsync(
            "chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmChannelFor(Requester) && (c.Arg("text") ?? "").Contains("was denied", StringComparison.Ordinal));
        var dmMessage = harness.Slack.Messages(FakeSlackApi.DmChannelFor(Requester)).Last();
        CardChecks.AssertNoInjectedMarkup(dmMessage, Approver);
        Assert.DoesNotContain("<!channel>", dm.Arg("text"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analytics-prod/reports/* 1h why", "contains a wildcard")]
    [InlineData("analytics-prod/rep?rts/ 1h why", "contains a wildcard")]
    [InlineData("analytics-prod/reports/../finance/ 1h why", "contains ..")]
    [InlineData("analytics-prod//etc/ 1h why", "starts with /")]
    [InlineData("analytics-prod/${aws:username}/ 1h why", "contains ${")]
    [InlineData("analytics-prod/re\"ports 1h why", "contains a quote or a backslash")]
    [InlineData("finance-data/reports/\u202Etxt.exe 1h why", "contains a control or invisible formatting character")]
    [InlineData("s3://finance-data/reports/2026/* 1h why", "contains a wildcard")]
    public async Task Command_PrefixIamWouldNotReadLiterally_RefusedClearlyNothingStored(string text, string problem)
    {
        await using var harness = await StartAsync();

        var answer = await harness.AskAsync(text);

        var reply = (string?)answer["text"] ?? "";
        Assert.StartsWith(":no_entry: The prefix `", reply, StringComparison.Ordinal);
        Assert.Contains(problem, reply, StringComparison.Ordinal);
        Assert.DoesNotContain(reply, CardChecks.IsBidi);
        Assert.Empty(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
        Assert.Empty(harness.Slack.Calls("chat.postMessage"));
    }

    [Theory]
    [InlineData("2026/*", "contains a wildcard")]
    [InlineData("../../", "contains ..")]
    [InlineData("${aws:userid}", "contains ${")]
    public async Task Form_PrefixIamWouldNotReadLiterally_InlineErrorUnderPrefix(string prefix, string problem)
    {
        await using var harness = await StartAsync();

        using var response = await harness.SubmitViewAsync(
            RequestsSlackKeys.NewRequestCallback,
            RequestsFlow.Values(("resource", "finance"), ("prefix", prefix), ("duration", "1h"), ("reason", "quarter close")),
            null,
            Requester);

        var body = await BodyAsync(response);
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Contains(problem, (string?)body["errors"]!["prefix"], StringComparison.Ordinal);
        Assert.Empty(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 10, CancellationToken.None));
    }
}
