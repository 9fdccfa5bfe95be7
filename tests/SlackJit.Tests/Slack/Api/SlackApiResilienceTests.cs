using System.Diagnostics;
using SlackJit.Slack.Api;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Slack.Api;

/// <summary>The pipeline from AddSlackApi against real HTTP. Timings are lower bounds only, never upper bounds.</summary>
public sealed class SlackApiResilienceTests
{
    private const string Channel = "C0APPROVE";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostMessageAsync_RateLimitedWithRetryAfter1_WaitsAtLeastOneSecondThenSucceeds()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel).Inject("chat.postMessage", SlackFault.RateLimited(1));

        var stopwatch = Stopwatch.StartNew();
        var posted = await h.Api.PostMessageAsync(Channel, new SlackMessage("card"), None);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {stopwatch.Elapsed}");
        var calls = h.Fake.Calls("chat.postMessage");
        Assert.Equal(["ratelimited", null], calls.Select(c => c.Error));
        Assert.True(calls[1].ReceivedAt - calls[0].ReceivedAt >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(20));
        Assert.Single(h.Fake.Messages(Channel));
        Assert.Equal(posted.Ts, h.Fake.Messages(Channel)[0].Ts);
    }

    [Fact]
    public async Task GetUserAsync_RetryAfterAboveCap_FailsRateLimitedWithoutWaiting()
    {
        await using var h = await SlackApiHarness.StartAsync(s => s["Slack:Retry:MaxRetryAfter"] = "00:00:02");
        h.Fake.AddUser("U0ALICE").Inject("users.info", SlackFault.RateLimited(60));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.GetUserAsync("U0ALICE", None));

        Assert.Equal(SlackErrors.RateLimited, ex.Error);
        Assert.Equal(429, ex.HttpStatus);
        Assert.Single(h.Fake.Calls("users.info"));
    }

    [Fact]
    public async Task PostMessageAsync_ServerErrorThenOk_Succeeds()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel).Inject("chat.postMessage", SlackFault.Status(503));

        await h.Api.PostMessageAsync(Channel, new SlackMessage("card"), None);

        Assert.Equal(["http_503", null], h.Fake.Calls("chat.postMessage").Select(c => c.Error));
    }

    [Fact]
    public async Task AuthTestAsync_ServerErrorEveryTime_FailsAfterAllAttempts()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.Inject("auth.test", SlackFault.Status(500), times: 10);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.AuthTestAsync(None));

        Assert.Equal(SlackErrors.HttpStatus(500), ex.Error);
        Assert.Equal(SlackApiRetryOptions.DefaultMaxRetryAttempts + 1, h.Fake.Calls("auth.test").Count);
    }

    [Fact]
    public async Task PostMessageAsync_OkFalse_IsNotRetried()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel).Inject("chat.postMessage", SlackFault.Error("internal_error"));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.PostMessageAsync(Channel, new SlackMessage("card"), None));

        Assert.Equal("internal_error", ex.Error);
        Assert.Single(h.Fake.Calls("chat.postMessage"));
        Assert.Empty(h.Fake.Messages(Channel));
    }

    [Fact]
    public async Task GetUserAsync_SlowAnswerOnce_TimesOutThenRetriesBecauseReadsAreIdempotent()
    {
        await using var h = await SlackApiHarness.StartAsync(s => s["Slack:RequestTimeout"] = "00:00:00.300");
        h.Fake.AddUser("U0ALICE").Inject("users.info", SlackFault.Delay(TimeSpan.FromSeconds(5)));

        var user = await h.Api.GetUserAsync("U0ALICE", None);

        Assert.Equal("U0ALICE", user.Id);
    }

    [Fact]
    public async Task GetUserAsync_AlwaysSlow_SurfacesTimeout()
    {
        await using var h = await SlackApiHarness.StartAsync(s =>
        {
            s["Slack:RequestTimeout"] = "00:00:00.200";
            s["Slack:Retry:MaxRetryAttempts"] = "1";
        });
        h.Fake.AddUser("U0ALICE").Inject("users.info", SlackFault.Delay(TimeSpan.FromSeconds(5)), times: 5);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.GetUserAsync("U0ALICE", None));

        Assert.Equal(SlackErrors.Timeout, ex.Error);
        Assert.Equal("Slack users.info failed: slackjit_timeout", ex.Message);
    }

    [Fact]
    public async Task PostMessageAsync_SlowAnswer_TimesOutWithoutRetryBecauseAPostMayHaveLanded()
    {
        await using var h = await SlackApiHarness.StartAsync(s => s["Slack:RequestTimeout"] = "00:00:00.300");
        // Only the first attempt is slow: a retry would succeed, so the timeout proves none was made.
        h.Fake.AddChannel(Channel).Inject("chat.postMessage", SlackFault.Delay(TimeSpan.FromSeconds(5)));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.PostMessageAsync(Channel, new SlackMessage("card"), None));

        Assert.Equal(SlackErrors.Timeout, ex.Error);
        Assert.Empty(h.Fake.Messages(Channel));
    }

    [Fact]
    public async Task AuthTestAsync_NothingListening_FailsWithNetworkErrorAfterRetries()
    {
        await using var h = await SlackApiHarness.StartAsync(s =>
        {
            s["Slack:ApiBaseUrl"] = LoopbackPorts.ClosedUrl("/api/");
            s["Slack:Retry:BaseDelay"] = "00:00:00.010";
        });

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.AuthTestAsync(None));

        Assert.Equal(SlackErrors.NetworkError, ex.Error);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task PostMessageAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel).Inject("chat.postMessage", SlackFault.Delay(TimeSpan.FromSeconds(5)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => h.Api.PostMessageAsync(Channel, new SlackMessage("card"), cts.Token));
    }
}
