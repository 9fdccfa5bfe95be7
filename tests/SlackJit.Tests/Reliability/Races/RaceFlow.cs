using System.Diagnostics;
using SlackJit.Access;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>Steps the race and crash tests repeat: make a request with its card, wait on the store, count what the fakes saw.</summary>
internal static class RaceFlow
{
    public static readonly SlackIdentity RequesterIdentity = new(SlackJitHarness.Requester, SlackJitHarness.TeamId);

    /// <summary>Asks through <paramref name="host"/> and waits until the request's card is posted and recorded.</summary>
    public static async Task<AccessRequest> RequestWithCardAsync(this RaceHost host, string text = "analytics-prod/reports 2h INC-4211 investigating")
    {
        var ack = (string?)(await host.CommandAsync(text))["text"] ?? "";
        return await WaitForAsync(async () =>
        {
            var mine = await host.Store.GetByRequesterAsync(RequesterIdentity, 200, CancellationToken.None);
            return mine.FirstOrDefault(r => ack.Contains(r.ShortId, StringComparison.Ordinal) && r.Slack.CardTs is not null);
        }, $"the card of the request acknowledged as '{ack}'");
    }

    /// <summary>Approves <paramref name="request"/> through the card's button as <paramref name="approver"/>; returns it as stored after the click.</summary>
    public static async Task<AccessRequest> ApproveAsync(this RaceHost host, AccessRequest request, string approver = SlackJitHarness.Approver)
    {
        var click = await host.ClickAsync(SlackJit.Requests.RequestsSlackKeys.ApproveAction, request.Id.ToString(), approver, SlackJitHarness.ApproverChannel, request.Slack.CardTs!);
        Assert.Equal(200, click.Status);
        var approved = (await host.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.NotEqual(RequestStatus.Pending, approved.Status);
        return approved;
    }

    /// <summary>Waits for the stored request to meet <paramref name="condition"/>; a timeout lists its audit trail and the hosts' warnings.</summary>
    public static async Task<AccessRequest> WaitForRequestAsync(this RaceHost host, Guid id, Func<AccessRequest, bool> condition, string what)
    {
        try
        {
            return await WaitForAsync(async () => await host.Store.GetAsync(id, CancellationToken.None) is { } r && condition(r) ? r : null, what);
        }
        catch (TimeoutException ex)
        {
            var request = await host.Store.GetAsync(id, CancellationToken.None);
            var trail = request is null ? "(gone)" : string.Join("\n  ", request.Events.Select(e => $"{e.At:HH:mm:ss} {e.Actor} {e.Action} -> {e.To}: {e.Detail}"));
            var warnings = string.Join("\n  ", host.Logs.Collector.GetSnapshot()
                .Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                .Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception?.GetType().Name} {l.Exception?.Message}"));
            throw new TimeoutException($"{ex.Message}\nStatus {request?.Status} v{request?.Version}; trail:\n  {trail}\nWarnings of {host.Name}:\n  {warnings}", ex);
        }
    }

    /// <summary>Polls (real time, 20 s at most) until <paramref name="probe"/> gives a value.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}.");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>AssumeRole calls STS received for <paramref name="requestId"/> (its role session name carries the id).</summary>
    public static int StsCallsFor(this SharedStoreCluster cluster, Guid requestId) =>
        cluster.Sts.Calls.Count(c => c.RoleSessionName == "jit-" + requestId.ToString("D"));

    /// <summary>Ephemeral answers (response_url posts) that mention <paramref name="request"/>.</summary>
    public static IReadOnlyList<string> RepliesAbout(this SharedStoreCluster cluster, AccessRequest request) =>
        [.. cluster.Slack.Calls(FakeSlackApi.ResponseUrlMethod)
            .Select(c => c.Arg("text") ?? "")
            .Where(t => t.Contains(request.ShortId, StringComparison.Ordinal))];

    /// <summary>Messages posted (not edited) into the requester's DM that mention <paramref name="request"/>.</summary>
    public static IReadOnlyList<EmulatedMessage> DmsAbout(this SharedStoreCluster cluster, AccessRequest request) =>
        [.. cluster.Slack.Messages(SharedStoreCluster.DmChannel).Where(m => m.AllText.Contains(request.ShortId, StringComparison.Ordinal))];

    /// <summary>Starts every action at the same moment (behind one gate) and waits for all of them.</summary>
    public static async Task<T[]> AllAtOnceAsync<T>(IEnumerable<Func<Task<T>>> actions)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = actions.Select(action => Task.Run(async () =>
        {
            await gate.Task;
            return await action();
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(started);
    }

    /// <summary>Every string in a JSON answer (a modal's text included), unescaped.</summary>
    public static string AllText(System.Text.Json.Nodes.JsonNode? node) => string.Join("\n", Strings(node));

    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        System.Text.Json.Nodes.JsonArray array => array.SelectMany(Strings),
        System.Text.Json.Nodes.JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    public static int Count(this AccessRequest request, string action) => request.Events.Count(e => e.Action == action);

    /// <summary>The credential set STS issued for <paramref name="request"/>'s current grant.</summary>
    public static Fakes.Aws.FakeStsCredentials IssuedFor(this SharedStoreCluster cluster, AccessRequest request) =>
        Assert.Single(cluster.Sts.Issued, c => c.AccessKeyId == request.Grant!.AccessKeyId);
}
