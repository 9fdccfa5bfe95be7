using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Requests;

namespace SlackJit.Tests.Reliability.Races;

/// <summary>Steps the race and crash tests repeat: approve, click and read the answer, count what the fakes saw.</summary>
internal static class RaceFlow
{
    /// <summary>Approves <paramref name="request"/> through the card's button as <paramref name="approver"/>; returns it as stored after the click.</summary>
    public static async Task<AccessRequest> ApproveAsync(this SlackJitHarness host, AccessRequest request, string approver = SlackJitHarness.Approver)
    {
        var click = await host.ClickAndReadAsync(RequestsSlackKeys.ApproveAction, request.Id.ToString(), approver, SlackJitHarness.ApproverChannel, request.Slack.CardTs!);
        Assert.Equal(200, click.Status);
        var approved = (await host.Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.NotEqual(RequestStatus.Pending, approved.Status);
        return approved;
    }

    /// <summary>Clicks a button through the signed <c>/slack/interactions</c> endpoint; each click has its own response_url.</summary>
    public static async Task<ClickResult> ClickAndReadAsync(this SlackJitHarness host, string actionId, string value, string user, string channel, string messageTs)
    {
        using var response = await host.ClickAsync(actionId, value, user, channel, messageTs);
        return new ClickResult(user, (int)response.StatusCode, await SlackJitHarness.BodyAsync(response));
    }

    /// <summary>Submits the deny dialog of <paramref name="requestId"/> with a reason.</summary>
    public static async Task<ClickResult> SubmitDenyAsync(this SlackJitHarness host, Guid requestId, string user, string reason)
    {
        using var response = await host.SubmitViewAsync(
            RequestsSlackKeys.DenyReasonCallback, RequestsFlow.Values((RequestsSlackKeys.DenyReasonBlock, reason)), requestId.ToString(), user);
        return new ClickResult(user, (int)response.StatusCode, await SlackJitHarness.BodyAsync(response));
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

    /// <summary>The credential set STS issued for <paramref name="request"/>'s current grant.</summary>
    public static Fakes.Aws.FakeStsCredentials IssuedFor(this SharedStoreCluster cluster, AccessRequest request) =>
        Assert.Single(cluster.Sts.Issued, c => c.AccessKeyId == request.Grant!.AccessKeyId);
}
