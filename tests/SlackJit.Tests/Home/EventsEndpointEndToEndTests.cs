using System.Net;
using System.Text.Json.Nodes;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Fakes;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Requests;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Home;

/// <summary><c>POST /slack/events</c> through the whole app: Slack's URL check, the signature, bad input, other workspaces.</summary>
public sealed class EventsEndpointEndToEndTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task UrlVerification_Signed_AnswersTheChallengeAsJson(StoreKind store)
    {
        await using var harness = await SlackJitHarness.StartAsync(o => o.UseStore(store, dynalite));

        using var response = await harness.EventAsync(new JsonObject
        {
            ["token"] = "deprecated-verification-token",
            ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            ["type"] = "url_verification",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)(await BodyAsync(response))["challenge"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.DynamoDb)]
    public async Task HomeOpened_BadOrMissingSignature_Refused401AndNothingPublished(StoreKind store)
    {
        await using var harness = await SlackJitHarness.StartAsync(o => o.UseStore(store, dynalite));
        var body = HomeFlow.HomeOpened(Requester).ToJsonString();
        var forged = new Fakes.Slack.SlackRequestSigner("not-the-secret", harness.Time).Raw(HomeFlow.EventsPath, body, contentType: "application/json");
        var unsigned = new HttpRequestMessage(HttpMethod.Post, HomeFlow.EventsPath) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        var stale = harness.Signer.Raw(HomeFlow.EventsPath, body, timestamp: harness.Time.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds(), contentType: "application/json");

        foreach (var request in new[] { forged, unsigned, stale })
        {
            using (request)
            using (var response = await harness.Client.SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("", await response.Content.ReadAsStringAsync());
            }
        }

        // A signed open afterwards is served, and is the only publish.
        await harness.OpenHomeAsync(Requester);
        await harness.Slack.WaitForCallAsync("views.publish");
        await harness.WaitForQueueAsync();
        Assert.Single(harness.Slack.Calls("views.publish"));
    }

    [Theory]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"token":"t"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"event_callback","team_id":"T0TEAM"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"url_verification"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"url_verification","challenge":"x"}""", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("""{"type":"app_rate_limited","team_id":"T0TEAM","minute_rate_limited":1518467820}""", "application/json", HttpStatusCode.OK)]
    [InlineData("""{"type":"event_callback","team_id":"T0TEAM","api_app_id":"A0APP","event":{"type":"reaction_added","user":"U0REQUESTER"}}""", "application/json", HttpStatusCode.OK)]
    [InlineData("""{"type":"event_callback","team_id":"T0TEAM","api_app_id":"A0APP","event":{"type":"app_home_opened","user":"U0REQUESTER","tab":"messages"}}""", "application/json", HttpStatusCode.OK)]
    public async Task Events_BadOrUnusedInput_ClearStatusAndNothingPublished(string body, string contentType, HttpStatusCode expected)
    {
        await using var harness = await SlackJitHarness.StartAsync();

        using var response = await harness.Client.SendAsync(harness.Signer.Raw(HomeFlow.EventsPath, body, contentType: contentType));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
        await harness.WaitForQueueAsync();
        Assert.Empty(harness.Slack.Calls("views.publish"));
    }

    [Fact]
    public async Task Events_HostileBodies_NeverAServerError()
    {
        await using var harness = await SlackJitHarness.StartAsync();
        byte[][] bodies =
        [
            [0xff, 0xfe, 0x00, 0x7b],
            [0xef, 0xbb, 0xbf, .. System.Text.Encoding.UTF8.GetBytes("""{"type":"url_verification","challenge":"bom"}""")],
            System.Text.Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            System.Text.Encoding.UTF8.GetBytes("""{"type":"event_callback","event":{"type":"app_home_opened","user":"\ud800","tab":"home"}}"""),
            System.Text.Encoding.UTF8.GetBytes("""{"type":"event_callback","event":{"type":"app_home_opened","user":["U1"],"tab":{"x":1}}}"""),
            System.Text.Encoding.UTF8.GetBytes("""{"type":"url_verification","challenge":"x","type":"event_callback"}"""),
            System.Text.Encoding.UTF8.GetBytes("""{"type":"url_verification","challenge":1e999}"""),
            System.Text.Encoding.UTF8.GetBytes("null"),
            [],
        ];

        foreach (var body in bodies)
        {
            var timestamp = harness.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var mac = System.Security.Cryptography.HMACSHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(SigningSecret), (byte[])[.. System.Text.Encoding.ASCII.GetBytes($"v0:{timestamp}:"), .. body]);
            using var request = new HttpRequestMessage(HttpMethod.Post, HomeFlow.EventsPath) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));

            using var response = await harness.Client.SendAsync(request);

            Assert.True((int)response.StatusCode is 200 or 400, $"{response.StatusCode} for {Convert.ToHexString(body.AsSpan(0, Math.Min(body.Length, 40)))}");
            Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await harness.WaitForQueueAsync();
        Assert.Empty(harness.Slack.Calls("views.publish"));
    }

    [Fact]
    public async Task HomeOpened_AcksFastAndPublishesAfterTheAck()
    {
        await using var harness = await SlackJitHarness.StartAsync();
        harness.Slack.Inject("views.publish", new SlackJit.SlackEmulator.WebApi.SlackFault.Slow(TimeSpan.FromSeconds(4)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await harness.OpenHomeAsync(Outsider);
        var acked = clock.Elapsed;

        Assert.True(acked < TimeSpan.FromSeconds(3), $"acked after {acked}");
        var publish = await harness.Slack.WaitForCallAsync("views.publish", timeout: TimeSpan.FromSeconds(15));
        Assert.Equal(Outsider, publish.Arg("user_id"));
    }

    [Fact]
    public async Task HomeOpened_FromAnotherWorkspaceOrApp_ReachesNoHandler()
    {
        await using var harness = await SlackJitHarness.StartAsync(o => o.Settings["Slack:VerifyTokenOnStart"] = "true");

        // The harness's team is not the bot's (auth.test answers the emulator's own team), and another app is not this one.
        using (var foreignTeam = await harness.EventAsync(HomeFlow.HomeOpened(Requester)))
        using (var foreignApp = await harness.EventAsync(HomeFlow.HomeOpened(Requester, teamId: FakeSlackApi.TeamId, appId: "A0OTHERAPP")))
        {
            Assert.Equal(HttpStatusCode.OK, foreignTeam.StatusCode);
            Assert.Equal(HttpStatusCode.OK, foreignApp.StatusCode);
        }
        using (var own = await harness.EventAsync(HomeFlow.HomeOpened(Approver, teamId: FakeSlackApi.TeamId)))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        var publish = await harness.Slack.WaitForCallAsync("views.publish");
        await harness.WaitForQueueAsync();
        Assert.Equal(Approver, publish.Arg("user_id"));
        Assert.Single(harness.Slack.Calls("views.publish"));
    }
}
