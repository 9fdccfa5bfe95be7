using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// The per-requester caps (<c>Access:MaxPendingPerRequester</c>, default 5; <c>Access:MaxRequestsPerHour</c>, default 20)
/// through the real command endpoint, with the harness's fake clock: the request over a cap is refused with the cap in
/// the message and leaves no trace, and the cap lifts when a pending request ends or the hour has passed.
/// </summary>
public sealed class AbuseLimitsEndToEndTests
{
    private const string Text = "analytics-prod/reports 1h INC-4211 investigating";

    [Fact]
    public async Task Command_SixthPendingWithDefaults_RefusedWithTheCapUntilOneIsCancelled()
    {
        await using var harness = await StartAsync();
        var first = await harness.RequestWithCardAsync(Text);
        for (var i = 2; i <= 5; i++)
        {
            await harness.RequestWithCardAsync(Text);
        }

        var sixth = await harness.AskAsync(Text);

        Assert.Equal(":no_entry: You already have 5 requests waiting for approval (the most allowed is 5); cancel one or wait for a decision.", (string?)sixth["text"]);
        Assert.Equal(5, await CountAsync(harness, Requester));
        Assert.Equal(5, harness.Slack.Calls("chat.postMessage").Count(c => c.Arg("channel") == SlackJitHarness.ApproverChannel));

        await harness.AskAsync($"cancel {first.ShortId}");
        var again = await harness.AskAsync(Text);

        Assert.Contains("is waiting for approval", (string?)again["text"], StringComparison.Ordinal);
        Assert.Equal(6, await CountAsync(harness, Requester));
    }

    [Fact]
    public async Task Command_TwentyFirstInAnHourWithDefaults_RefusedUntilTheHourHasPassed()
    {
        await using var harness = await StartAsync();
        for (var i = 0; i < 20; i++)
        {
            // Cancelled at once, so the pending cap never bites: only the hourly one is left.
            await CreateAndCancelAsync(harness);
            harness.Time.Advance(TimeSpan.FromSeconds(30));
        }
        var firstAt = Start;

        var refused = await harness.AskAsync(Text);
        Assert.Equal(":no_entry: You made 20 requests in the last hour (the most allowed is 20); try again later.", (string?)refused["text"]);
        Assert.Equal(20, await CountAsync(harness, Requester));

        // One second before the first request is an hour old: still 20 in the last hour.
        harness.Time.Advance(firstAt + TimeSpan.FromHours(1) - harness.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.StartsWith(":no_entry: You made 20 requests", (string?)(await harness.AskAsync(Text))["text"], StringComparison.Ordinal);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("is waiting for approval", (string?)(await harness.AskAsync(Text))["text"], StringComparison.Ordinal);
        Assert.Equal(21, await CountAsync(harness, Requester));
    }

    [Fact]
    public async Task Limits_OneRequesterAtTheCap_OthersUnaffected()
    {
        await using var harness = await StartAsync(o => o.Settings["Access:MaxPendingPerRequester"] = "2");
        await harness.AskAsync(Text);
        await harness.AskAsync(Text);

        var mine = await harness.AskAsync(Text);
        var theirs = await harness.AskAsync(Text, user: Outsider);

        Assert.Contains("the most allowed is 2", (string?)mine["text"], StringComparison.Ordinal);
        Assert.Contains("is waiting for approval", (string?)theirs["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_AtTheCap_RefusedUnderTheFirstInputAndNothingStored()
    {
        await using var harness = await StartAsync(o => o.Settings["Access:MaxPendingPerRequester"] = "1");
        await harness.AskAsync(Text);

        using var response = await harness.SubmitViewAsync(
            RequestsSlackKeys.NewRequestCallback,
            RequestsFlow.Values(("resource", "analytics"), ("duration", "1h"), ("reason", "second")),
            null,
            Requester);

        var body = await BodyAsync(response);
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Contains("the most allowed is 1", (string?)body["errors"]![RequestsSlackKeys.ResourceBlock], StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(harness, Requester));
    }

    [Fact]
    public async Task Command_OldPendingRequestsBehindManyNewerOnes_StillCountTowardsTheCap()
    {
        // A day-long pending timeout: pending requests can be older than the newest few the limits look at.
        await using var harness = await StartAsync(o => o.Settings["Access:PendingTimeout"] = "1.00:00:00");
        for (var i = 0; i < 4; i++)
        {
            await harness.AskAsync(Text);
        }
        // More newer requests than both caps, spread so that the hourly cap is never reached.
        var defaults = new AccessOptions();
        var newer = Math.Max(defaults.MaxPendingPerRequester, defaults.MaxRequestsPerHour) + 1;
        for (var i = 0; i < newer; i++)
        {
            harness.Time.Advance(TimeSpan.FromMinutes(4));
            await CreateAndCancelAsync(harness);
        }

        var fifth = await harness.AskAsync(Text);
        var sixth = await harness.AskAsync(Text);

        Assert.Contains("is waiting for approval", (string?)fifth["text"], StringComparison.Ordinal);
        Assert.Equal(":no_entry: You already have 5 requests waiting for approval (the most allowed is 5); cancel one or wait for a decision.", (string?)sixth["text"]);
        var all = await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 100, CancellationToken.None);
        Assert.Equal(5, all.Count(r => r.Status == RequestStatus.Pending));
    }

    private static async Task CreateAndCancelAsync(SlackJitHarness harness)
    {
        var ack = await harness.AskAsync(Text);
        Assert.Contains("is waiting for approval", (string?)ack["text"], StringComparison.Ordinal);
        var newest = Assert.Single(await harness.Store.GetByRequesterAsync(RequestsFlow.RequesterIdentity, 1, CancellationToken.None));
        var cancelled = await harness.AskAsync($"cancel {newest.Id}");
        Assert.StartsWith(":no_entry_sign: Cancelled", (string?)cancelled["text"], StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(SlackJitHarness harness, string user) =>
        (await harness.Store.GetByRequesterAsync(new SlackIdentity(user, TeamId), 1_000, CancellationToken.None)).Count;
}
