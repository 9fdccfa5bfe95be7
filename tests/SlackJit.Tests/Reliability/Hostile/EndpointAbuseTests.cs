using System.Net;
using System.Text;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Tests.Access;
using SlackJit.Tests.EndToEnd;
using SlackJit.Storage;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Slack.Transport;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// The transport's refusals through the whole app (the real endpoints, handlers and store, not a test host): whatever
/// is refused reaches no handler, so the store and Slack see nothing. Each test starts from a pending request that a
/// request getting through would change.
/// </summary>
public sealed class EndpointAbuseTests
{
    private const string ValidText = "analytics-prod/reports 2h INC-4211 investigating";

    public static TheoryData<string> BadSignatures => ["unsigned", "replayed", "from the future", "tampered", "other secret", "two signatures"];

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Command_BadSignature_401AndNothingStoredOrSent(string kind)
    {
        await using var harness = await StartAsync();
        var probe = new StoreProbe(harness);
        var pending = await SeedPendingAsync(harness);
        var before = await probe.SnapshotAsync();
        var seen = harness.Slack.Calls().Count;
        var body = SlackRequestSigner.Encode(new Dictionary<string, string>
        {
            ["command"] = RequestsSlackKeys.Command, ["text"] = ValidText, ["user_id"] = Requester, ["team_id"] = TeamId,
            ["response_url"] = harness.Slack.NewResponseUrl(), ["trigger_id"] = NewTriggerId(),
        });

        using var response = await harness.Client.SendAsync(Mangle(harness, SlackRequestSigner.CommandsPath, body, kind));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        StoreProbe.AssertUnchanged(before, await probe.SnapshotAsync(), kind);
        Assert.Equal(0, CallsSince(harness, seen));
        Assert.Equal(RequestStatus.Pending, (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!.Status);
    }

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Approve_ForgedApproverWithBadSignature_401AndRequestStillPending(string kind)
    {
        await using var harness = await StartAsync();
        var pending = await SeedPendingAsync(harness);
        var seen = harness.Slack.Calls().Count;
        var payload = SlackRequestSigner.BlockActions(RequestsSlackKeys.ApproveAction, pending.Id.ToString(), userId: Approver, teamId: TeamId, channelId: SlackJitHarness.ApproverChannel);
        payload["response_url"] = harness.Slack.NewResponseUrl();
        var body = SlackRequestSigner.Encode(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });

        using var response = await harness.Client.SendAsync(Mangle(harness, SlackRequestSigner.InteractionsPath, body, kind));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var stored = (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!;
        Assert.Equal((RequestStatus.Pending, pending.Version), (stored.Status, stored.Version));
        Assert.Equal(0, CallsSince(harness, seen));
    }

    [Theory]
    [InlineData(SlackRequestSigner.CommandsPath)]
    [InlineData(SlackRequestSigner.InteractionsPath)]
    public async Task Oversized_SignedBody_413AndNothingStored(string path)
    {
        await using var harness = await StartAsync();
        var probe = new StoreProbe(harness);
        await SeedPendingAsync(harness);
        var before = await probe.SnapshotAsync();
        var seen = harness.Slack.Calls().Count;
        // A valid command followed by padding: over the 64 KiB default, so the valid part must not be acted on either.
        var body = SlackRequestSigner.Encode(new Dictionary<string, string>
        {
            ["command"] = RequestsSlackKeys.Command, ["text"] = ValidText, ["user_id"] = Requester, ["team_id"] = TeamId,
            ["padding"] = new string('x', 70 * 1024),
        });

        using var response = await harness.Client.SendAsync(harness.Signer.Raw(path, body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        StoreProbe.AssertUnchanged(before, await probe.SnapshotAsync(), path);
        Assert.Equal(0, CallsSince(harness, seen));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/x-www-form-urlencoded-evil")]
    public async Task Command_WrongContentType_415AndNothingStored(string contentType)
    {
        await using var harness = await StartAsync();
        var body = SlackRequestSigner.Encode(new Dictionary<string, string>
        {
            ["command"] = RequestsSlackKeys.Command, ["text"] = ValidText, ["user_id"] = Requester, ["team_id"] = TeamId,
        });

        using var response = await harness.Client.SendAsync(harness.Signer.Raw(SlackRequestSigner.CommandsPath, body, contentType: contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await harness.Store.GetByRequesterAsync(new SlackIdentity(Requester, TeamId), 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("user_id", "Missing field: user_id.")]
    [InlineData("team_id", "Missing field: team_id.")]
    [InlineData("command", "Missing field: command.")]
    public async Task Command_MissingField_400AndNothingStored(string missing, string expected)
    {
        await using var harness = await StartAsync();
        var fields = new Dictionary<string, string>
        {
            ["command"] = RequestsSlackKeys.Command, ["text"] = ValidText, ["user_id"] = Requester, ["team_id"] = TeamId,
        };
        fields.Remove(missing);

        using var response = await harness.Client.SendAsync(harness.Signer.Form(SlackRequestSigner.CommandsPath, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Empty(await harness.Store.GetByRequesterAsync(new SlackIdentity(Requester, TeamId), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Command_UserIdRepeated_400NotEitherUser()
    {
        await using var harness = await StartAsync();
        var body = $"command=%2Fs3-access&text=analytics-prod+2h+why&team_id={TeamId}&user_id={Guest}&user_id={Requester}";

        using var response = await harness.Client.SendAsync(harness.Signer.Raw(SlackRequestSigner.CommandsPath, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await harness.Store.GetByRequesterAsync(new SlackIdentity(Requester, TeamId), 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("not json at all", "Payload is not valid JSON.")]
    [InlineData("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0APPROVER1\"},\"actions\":[{\"action_id\":\"requests.approve\",\"value\":\"", "Payload is not valid JSON.")]
    [InlineData("[\"block_actions\"]", "Payload is not a JSON object.")]
    [InlineData("{\"user\":{\"id\":\"U0APPROVER1\"}}", "Payload has no type.")]
    [InlineData("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0APPROVER1\"},\"actions\":\"requests.approve\"}", "Payload of type block_actions is malformed.")]
    [InlineData("{\"type\":\"view_submission\",\"user\":{\"id\":\"U0APPROVER1\"},\"view\":{\"callback_id\":\"requests.deny-reason\"}}", "Payload of type view_submission is malformed.")]
    public async Task Interaction_BrokenPayloadAimedAtARealRequest_400AndRequestUntouched(string payload, string expected)
    {
        await using var harness = await StartAsync();
        var pending = await SeedPendingAsync(harness);

        using var response = await harness.Client.SendAsync(harness.Signer.Interaction(payload.Replace("\"value\":\"", $"\"value\":\"{pending.Id}", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(pending.Version, (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Interaction_UnknownTypeActionAndCallback_Empty200AndNothingChanges()
    {
        await using var harness = await StartAsync();
        var probe = new StoreProbe(harness);
        var pending = await SeedPendingAsync(harness);
        var before = await probe.SnapshotAsync();

        using var type = await harness.Client.SendAsync(harness.Signer.Interaction($"{{\"type\":\"message_action\",\"user\":{{\"id\":\"{Approver}\"}},\"callback_id\":\"{RequestsSlackKeys.ApproveAction}\"}}"));
        using var action = await harness.ClickAsync("requests.approve.v2", pending.Id.ToString(), Approver);
        using var callback = await harness.SubmitViewAsync("requests.deny-reason.v2", RequestsFlow.Values(("deny-reason", "no")), pending.Id.ToString(), Approver);

        foreach (var response in new[] { type, action, callback })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }
        StoreProbe.AssertUnchanged(before, await probe.SnapshotAsync(), "unknown keys");
        Assert.Equal(pending.Version, (await harness.Store.GetAsync(pending.Id, CancellationToken.None))!.Version);
    }

    internal static async Task<AccessRequest> SeedPendingAsync(SlackJitHarness harness)
    {
        var request = AccessRequestBuilder.Pending().WithId(Guid.CreateVersion7(Start)).WithRequester(Requester).Build();
        Assert.Equal(CreateResult.Created, await harness.Store.CreateAsync(request, CancellationToken.None));
        // A new request is shown on its requester's and approvers' App Home: let that settle, so what Slack sees from
        // here on is only what the request under test causes.
        await harness.WaitForQueueAsync();
        return request;
    }

    /// <summary>Slack calls since <paramref name="seen"/> were counted (after the seeded request's App Home publishes).</summary>
    private static int CallsSince(SlackJitHarness harness, int seen) => harness.Slack.Calls().Count - seen;

    private static HttpRequestMessage Mangle(SlackJitHarness harness, string path, string body, string kind)
    {
        var now = harness.Time.GetUtcNow().ToUnixTimeSeconds();
        switch (kind)
        {
            case "unsigned":
                var unsigned = harness.Signer.Raw(path, body);
                unsigned.Headers.Remove("X-Slack-Signature");
                return unsigned;
            case "replayed":
                // Correctly signed, but 5 minutes and 1 second ago.
                return harness.Signer.Raw(path, body, timestamp: now - 301);
            case "from the future":
                return harness.Signer.Raw(path, body, timestamp: now + 301);
            case "tampered":
                var signed = harness.Signer.Raw(path, body);
                var changed = body.Replace("analytics-prod", "finance-data", StringComparison.Ordinal)
                    .Replace(Approver, SecondApprover, StringComparison.Ordinal)
                    .Replace(Requester, Approver, StringComparison.Ordinal);
                Assert.NotEqual(body, changed);
                signed.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(changed));
                signed.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
                return signed;
            case "other secret":
                return new SlackRequestSigner("not-the-signing-secret", harness.Time).Raw(path, body);
            case "two signatures":
                var twice = harness.Signer.Raw(path, body);
                twice.Headers.TryAddWithoutValidation("X-Slack-Signature", SlackRequestSigner.Sign("not-the-signing-secret", now.ToString(System.Globalization.CultureInfo.InvariantCulture), body));
                return twice;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
