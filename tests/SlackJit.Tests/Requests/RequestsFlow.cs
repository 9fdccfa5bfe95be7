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
            var mine = await harness.Store.GetByRequesterAsync(identity, 200, CancellationToken.None);
            return mine.FirstOrDefault(r => ((string?)ack["text"] ?? "").Contains(r.ShortId, StringComparison.Ordinal));
        }, $"a request from {user} (ack: {ack.ToJsonString()})");
        return await harness.WaitForRequestAsync(created.Id, r => r.Slack.CardTs is not null, "its card");
    }

    /// <summary>Waits for the stored request to meet <paramref name="condition"/>; a timeout lists its audit trail and the app's warnings.</summary>
    public static Task<AccessRequest> WaitForRequestAsync(this SlackJitHarness harness, Guid id, Func<AccessRequest, bool> condition, string what) =>
        Eventually.WaitForAsync(
            async () => await harness.Store.GetAsync(id, CancellationToken.None) is { } request && condition(request) ? request : null,
            what,
            state: async () =>
            {
                var request = await harness.Store.GetAsync(id, CancellationToken.None);
                var trail = request is null ? "(gone)" : string.Join("\n  ", request.Events.Select(e => $"{e.At:HH:mm:ss} {e.Actor} {e.Action} -> {e.To}: {e.Detail}"));
                var warnings = string.Join("\n  ", (harness.Logs?.Collector.GetSnapshot() ?? [])
                    .Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                    .Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception?.GetType().Name} {l.Exception?.Message}"));
                return $"Status {request?.Status} v{request?.Version}; trail:\n  {trail}\nWarnings of {harness.Name}:\n  {warnings}";
            });

    /// <summary>Polls until <paramref name="probe"/> gives a value; a timeout lists the Slack calls the app made.</summary>
    public static Task<T> WaitForAsync<T>(this SlackJitHarness harness, Func<Task<T?>> probe, string what)
        where T : class =>
        Eventually.WaitForAsync(probe, what, state: () =>
            Task.FromResult("Slack calls: " + string.Join(", ", harness.Slack.Calls().Select(c => $"{c.Method}:{c.Error ?? "ok"}"))));

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
