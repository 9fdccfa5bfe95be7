using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Requests;

/// <summary>Steps the end-to-end tests repeat: make a request and wait for its card, wait for the store, read replies.</summary>
internal static class RequestsFlow
{
    public static readonly SlackIdentity RequesterIdentity = new(SlackJitHarness.Requester, SlackJitHarness.TeamId);

    /// <summary>Sends the command, checks the 200, returns the ephemeral answer.</summary>
    public static async Task<JsonObject> AskAsync(this SlackJitHarness harness, string text, string user = SlackJitHarness.Requester)
    {
        using var response = await harness.CommandAsync(text, user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SlackJitHarness.BodyAsync(response);
    }

    /// <summary>Makes a request as <paramref name="user"/> and waits until its card is posted and recorded.</summary>
    public static async Task<AccessRequest> RequestWithCardAsync(
        this SlackJitHarness harness, string text = "analytics-prod/reports 2h INC-4211 investigating", string user = SlackJitHarness.Requester)
    {
        var ack = await harness.AskAsync(text, user);
        var identity = new SlackIdentity(user, SlackJitHarness.TeamId);
        var created = await harness.WaitForAsync(async () =>
        {
            var mine = await harness.Store.GetByRequesterAsync(identity, 50, CancellationToken.None);
            return mine.FirstOrDefault(r => ((string?)ack["text"] ?? "").Contains(r.ShortId, StringComparison.Ordinal));
        }, $"a request from {user} (ack: {ack.ToJsonString()})");
        return await harness.WaitForRequestAsync(created.Id, r => r.Slack.CardTs is not null, "its card");
    }

    public static async Task<AccessRequest> WaitForRequestAsync(this SlackJitHarness harness, Guid id, Func<AccessRequest, bool> condition, string what) =>
        await harness.WaitForAsync(async () =>
        {
            var request = await harness.Store.GetAsync(id, CancellationToken.None);
            return request is not null && condition(request) ? request : null;
        }, what);

    public static async Task<T> WaitForAsync<T>(this SlackJitHarness harness, Func<Task<T?>> probe, string what)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10))
        {
            if (await probe() is { } value)
            {
                return value;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"Waited 10 s for {what}. Slack calls: {string.Join(", ", harness.Slack.Calls().Select(c => $"{c.Method}:{c.Error ?? "ok"}"))}");
    }

    /// <summary>The card as the fake holds it now.</summary>
    public static EmulatedMessage Card(this SlackJitHarness harness, AccessRequest request) =>
        harness.Slack.Message(request.Slack.CardChannel!, request.Slack.CardTs!)!;

    /// <summary>Waits for the card to show <paramref name="text"/>.</summary>
    public static Task<EmulatedMessage> WaitForCardAsync(this SlackJitHarness harness, AccessRequest request, string text) =>
        harness.WaitForAsync(
            () => Task.FromResult(harness.Card(request) is { } card && card.AllText.Contains(text, StringComparison.Ordinal) ? card : null),
            $"the card to show '{text}'");

    /// <summary>Waits for an ephemeral reply through a response_url that contains <paramref name="text"/>.</summary>
    public static Task<SlackCall> WaitForReplyAsync(this SlackJitHarness harness, string text) =>
        harness.Slack.WaitForCallAsync(FakeSlackApi.ResponseUrlMethod, c => (c.Arg("text") ?? "").Contains(text, StringComparison.Ordinal));

    public static int Count(this AccessRequest request, string action) => request.Events.Count(e => e.Action == action);

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values(params (string Block, string Value)[] values) =>
        values.ToDictionary(v => v.Block, v => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["value"] = v.Value });
}
