using System.Net;
using Microsoft.Extensions.Logging;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Requests;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using static SlackJit.Tests.Reliability.Faults.FaultApp;

namespace SlackJit.Tests.Reliability.Faults;

/// <summary>The Slack Web API misbehaving while an approval card is posted: rate limits, outages, slowness, bad channels.</summary>
public sealed class SlackApiFaultTests
{
    private const string Ask = "analytics-prod/reports 2h INC-4211 investigating";

    [Fact]
    public async Task CardPost_RateLimitedWithRetryAfter_WaitsAtLeastThatLongThenPosts()
    {
        await using var app = await StartAsync();
        app.Slack.Inject("chat.postMessage", SlackFault.RateLimited(2));

        var request = await app.Harness.RequestWithCardAsync(Ask);

        var posts = app.Slack.Calls("chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.Equal("ratelimited", posts[0].Error);
        Assert.True(posts[1].Ok);
        // Never sooner than Slack asked (an upper bound would only measure the machine).
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromSeconds(2),
            $"retried after {(posts[1].ReceivedAt - posts[0].ReceivedAt).TotalMilliseconds} ms");
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Single(app.Slack.Messages(SlackJitHarness.ApproverChannel));
    }

    [Fact]
    public async Task CardPost_ServerErrorsPastTheRetries_RequestStaysDueAndTheSweeperPostsIt()
    {
        await using var app = await StartAsync(o => o.Settings["Slack:Retry:BaseDelay"] = "00:00:00.020");
        // One attempt plus three retries, all 503.
        app.Slack.Inject("chat.postMessage", SlackFault.Status(503), times: 4);

        var ack = await app.Harness.AskAsync(Ask);
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Status == 503 && app.Slack.Calls("chat.postMessage").Count == 4);
        var request = await app.OnlyRequestAsync();

        Assert.Contains("waiting for approval", (string?)ack["text"], StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Null(request.Slack.CardTs);
        Assert.Equal(SlackJitHarness.Start + AccessRequests.CardGrace, request.DueAt);
        Assert.Empty(app.Slack.Messages(SlackJitHarness.ApproverChannel));

        app.Harness.Time.Advance(AccessRequests.CardGrace);
        Assert.Equal(1, await app.SweepAsync());

        var posted = await app.Harness.Store.GetAsync(request.Id, Ct);
        Assert.NotNull(posted!.Slack.CardTs);
        // Next due at its first reminder (the default interval after it was made).
        Assert.Equal(SlackJitHarness.Start + ReminderOptions.DefaultInterval, posted.DueAt);
        Assert.Contains(posted.ShortId, Assert.Single(app.Slack.Messages(SlackJitHarness.ApproverChannel)).AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardPost_SlowerThanTheRequestTimeout_NotRepostedAtOnceButByTheSweeper()
    {
        await using var app = await StartAsync(o => o.Settings["Slack:RequestTimeout"] = "00:00:01");
        app.Slack.Inject("chat.postMessage", SlackFault.Delay(TimeSpan.FromSeconds(5)));

        await app.Harness.AskAsync(Ask);
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Error == "aborted");
        // Give a wrong immediate retry the time to show up.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        // The post may have landed at Slack: an immediate retry could show the approvers two cards.
        Assert.Single(app.Slack.Calls("chat.postMessage"));
        var request = await app.OnlyRequestAsync();
        Assert.Null(request.Slack.CardTs);
        Assert.Equal(SlackJitHarness.Start + AccessRequests.CardGrace, request.DueAt);

        app.Harness.Time.Advance(AccessRequests.CardGrace);
        Assert.Equal(1, await app.SweepAsync());
        Assert.NotNull((await app.Harness.Store.GetAsync(request.Id, Ct))!.Slack.CardTs);
    }

    [Theory]
    [InlineData("not_in_channel", "invite the bot")]
    [InlineData("channel_not_found", "check the id")]
    public async Task CardPost_ChannelMisconfigured_RequesterToldOperatorLoggedReadyzWarnsUntilAPostWorks(string error, string advice)
    {
        const string channel = "C0BROKEN";
        await using var app = await StartAsync(o => o.Settings["Slack:ApproverChannel"] = channel);
        if (error == "not_in_channel")
        {
            app.Slack.AddChannelWithoutBot(channel);
        }

        await app.Harness.AskAsync(Ask);

        // The requester: which setting, and that it is kept.
        var reply = await app.Harness.WaitForReplyAsync(error);
        Assert.Contains("Slack:ApproverChannel", reply.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("keep trying", reply.Arg("text"), StringComparison.Ordinal);
        var request = await app.Harness.WaitForRequestAsync(
            (await app.OnlyRequestAsync()).Id, r => r.Count(AuditActions.CardFailed) == 1, "the failure on record");
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Null(request.Slack.CardTs);

        // The operator: an Error naming the channel, and /readyz (still 200: everything else serves).
        Assert.Contains(app.LogsAt(LogLevel.Error), r => r.Message.Contains(channel, StringComparison.Ordinal)
            && r.Message.Contains(error, StringComparison.Ordinal) && r.Message.Contains("Slack:ApproverChannel", StringComparison.Ordinal));
        // /readyz says only "ready" (anyone who reaches it could read more); the warning is in the log.
        Assert.Equal((HttpStatusCode.OK, "ready"), await app.ReadyzAsync());
        var warning = Assert.Single(app.LogsAt(LogLevel.Warning), r => r.Id.Id == LogEvents.Hosting.ReadinessWarning).Message;
        Assert.Contains($"approval cards to {channel} fail: {error}", warning, StringComparison.Ordinal);
        Assert.Contains(advice, warning, StringComparison.Ordinal);
        Assert.Contains("Slack:ApproverChannel", warning, StringComparison.Ordinal);

        // The operator invites the bot; the next retry posts the card and the warning clears.
        app.Slack.AddChannel(channel);
        app.Harness.Time.Advance(ApprovalCards.MisconfiguredRetry);
        Assert.Equal(1, await app.SweepAsync());

        Assert.NotNull((await app.Harness.Store.GetAsync(request.Id, Ct))!.Slack.CardTs);
        Assert.Equal((HttpStatusCode.OK, "ready"), await app.ReadyzAsync());
    }

    [Fact]
    public async Task CardPost_OneEntrysChannelBroken_ReadyzSaysOnlyReadyAndTheLogNamesThatEntrysSettingOnly()
    {
        await using var app = await StartAsync(o => o.Settings["Access:Resources:0:ApproverChannel"] = "C0NOBOT");
        app.Slack.AddChannelWithoutBot("C0NOBOT");

        await app.Harness.AskAsync(Ask);
        await app.Harness.WaitForReplyAsync("not_in_channel");

        var (status, body) = await app.ReadyzAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body);
        var warning = Assert.Single(app.LogsAt(LogLevel.Warning), r => r.Id.Id == LogEvents.Hosting.ReadinessWarning).Message;
        Assert.Contains("C0NOBOT", warning, StringComparison.Ordinal);
        Assert.Contains("Access:Resources entry \"analytics\"", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackJitHarness.ApproverChannel, warning, StringComparison.Ordinal);

        // Asked again, the same warning is not logged again.
        await app.ReadyzAsync();
        Assert.Single(app.LogsAt(LogLevel.Warning), r => r.Id.Id == LogEvents.Hosting.ReadinessWarning);
    }
}
