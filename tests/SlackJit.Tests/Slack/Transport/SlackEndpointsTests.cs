using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SlackEndpointsTests
{
    [Fact]
    public async Task Commands_Signed_HandlerGetsParsedFieldsAndReplyIsReturned()
    {
        await using var app = await SlackTestApp.StartAsync();

        using var response = await app.Client.SendAsync(app.Signer.Command(TestCommandHandler.Name, "analytics/reports 2h INC-1 a+b & c", userId: "U9", teamId: "T9", channelId: "C9"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        var command = Assert.Single(app.Probe.Commands);
        Assert.Equal(
            new SlashCommand("T9", null, "C9", "U9", TestCommandHandler.Name, "analytics/reports 2h INC-1 a+b & c",
                "https://hooks.slack.test/commands/T0TEAM/1/abc", "1337.42.abcdef", "A0APP"),
            command);
    }

    [Fact]
    public async Task Commands_Unsigned_401EmptyAndHandlerNotCalled()
    {
        await using var app = await SlackTestApp.StartAsync();
        using var request = app.Signer.Command(TestCommandHandler.Name);
        request.Headers.Remove("X-Slack-Signature");

        using var response = await app.Client.SendAsync(request);

        await AssertRejected(app, response, HttpStatusCode.Unauthorized);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 2100);
    }

    /// <summary>Commands the transport turns away before any handler: the case, the app's secret and body limit, the status.</summary>
    public static TheoryData<string, string, int, HttpStatusCode> RejectedCommands => new()
    {
        { "tampered body", SlackTestApp.Secret, 64 * 1024, HttpStatusCode.Unauthorized },
        { "replayed after 5 minutes", SlackTestApp.Secret, 64 * 1024, HttpStatusCode.Unauthorized },
        { "empty secret configured", "", 64 * 1024, HttpStatusCode.Unauthorized },
        { "over the limit with a length", SlackTestApp.Secret, 512, HttpStatusCode.RequestEntityTooLarge },
        { "JSON instead of a form", SlackTestApp.Secret, 64 * 1024, HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(RejectedCommands))]
    public async Task Commands_Rejected_EmptyAnswerOfTheStatusAndHandlerNotCalled(string rejected, string secret, int maxBodyBytes, HttpStatusCode expected)
    {
        await using var app = await SlackTestApp.StartAsync(secret, maxBodyBytes);
        using var request = await RejectedCommandAsync(app, rejected);

        using var response = await app.Client.SendAsync(request);

        await AssertRejected(app, response, expected);
    }

    [Fact]
    public async Task Commands_OverLimitChunked_413WithoutReadingItAll()
    {
        await using var app = await SlackTestApp.StartAsync(maxBodyBytes: 512);
        var source = new CountingStream(totalBytes: 10 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, SlackRequestSigner.CommandsPath) { Content = new StreamContent(source) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(source.BytesRead < 1024 * 1024, $"read {source.BytesRead} bytes");
        Assert.Empty(app.Probe.Commands);
    }

    [Fact]
    public async Task Commands_MissingCommandField_400ShortText()
    {
        await using var app = await SlackTestApp.StartAsync();
        using var request = app.Signer.Form(SlackRequestSigner.CommandsPath, new Dictionary<string, string> { ["user_id"] = "U1", ["team_id"] = "T1" });

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing field: command.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Commands_TooManyFields_400()
    {
        await using var app = await SlackTestApp.StartAsync();
        var body = string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=1"));
        using var request = app.Signer.Raw(SlackRequestSigner.CommandsPath, body);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Probe.Commands);
    }

    [Theory]
    [InlineData(SlackRequestSigner.CommandsPath)]
    [InlineData(SlackRequestSigner.InteractionsPath)]
    public async Task SslCheck_Signed_Empty200(string path)
    {
        await using var app = await SlackTestApp.StartAsync();
        using var request = app.Signer.Form(path, new Dictionary<string, string> { ["ssl_check"] = "1", ["token"] = "x" });

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Probe.Commands);
    }

    [Fact]
    public async Task Commands_UnknownCommand_200UnknownAction()
    {
        await using var app = await SlackTestApp.StartAsync();

        using var response = await app.Client.SendAsync(app.Signer.Command("/something-else"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SlackDispatcher.UnknownAction, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]);
    }

    [Fact]
    public async Task Commands_HandlerThrows_200FriendlyTextWithoutExceptionText()
    {
        await using var app = await SlackTestApp.StartAsync();
        app.Probe.OnCommand = (_, _) => throw new InvalidOperationException("db password is hunter2");

        using var response = await app.Client.SendAsync(app.Signer.Command(TestCommandHandler.Name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(SlackDispatcher.SomethingWentWrong, (string?)JsonNode.Parse(text)!["text"]);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_SignedBlockAction_HandlerGetsActionAndEmpty200()
    {
        await using var app = await SlackTestApp.StartAsync();

        using var response = await app.Client.SendAsync(app.Signer.Interaction(SlackRequestSigner.BlockActions(TestActionHandler.Id, value: "R-7KQ3", userId: "U5")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var (payload, action) = Assert.Single(app.Probe.Actions);
        Assert.Equal(("U5", "R-7KQ3"), (payload.User.Id, action.Value));
    }

    [Fact]
    public async Task Interactions_ViewSubmissionWithErrors_ReturnsResponseAction()
    {
        await using var app = await SlackTestApp.StartAsync();
        app.Probe.OnSubmission = (p, _) => Task.FromResult(
            p.View.State?.Get("reason", "reason_input") is { Length: > 3 }
                ? ViewSubmissionResponse.Close
                : ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { ["reason"] = "Too short." }));
        var payload = SlackRequestSigner.ViewSubmission(
            TestViewHandler.Callback,
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["reason"] = new Dictionary<string, string> { ["reason_input"] = "no" } });

        using var response = await app.Client.SendAsync(app.Signer.Interaction(payload));

        var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Too short.", (string?)reply["errors"]!["reason"]);
    }

    [Fact]
    public async Task Interactions_UnknownActionId_Empty200()
    {
        await using var app = await SlackTestApp.StartAsync();

        using var response = await app.Client.SendAsync(app.Signer.Interaction(SlackRequestSigner.BlockActions("unknown_action")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Probe.Actions);
    }

    [Fact]
    public async Task Interactions_UnknownType_Empty200()
    {
        await using var app = await SlackTestApp.StartAsync();

        using var response = await app.Client.SendAsync(app.Signer.Interaction("""{"type":"shortcut","callback_id":"x","user":{"id":"U1"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, "Missing payload.")]
    [InlineData("", "Missing payload.")]
    [InlineData("{not json", "Payload is not valid JSON.")]
    [InlineData("{\"type\":\"block_actions\"}", "Payload of type block_actions is malformed.")]
    public async Task Interactions_BadPayload_400ShortText(string? payload, string expected)
    {
        await using var app = await SlackTestApp.StartAsync();
        var fields = payload is null ? new Dictionary<string, string> { ["other"] = "1" } : new Dictionary<string, string> { ["payload"] = payload };

        using var response = await app.Client.SendAsync(app.Signer.Form(SlackRequestSigner.InteractionsPath, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Interactions_Unsigned_401AndHandlerNotCalled()
    {
        await using var app = await SlackTestApp.StartAsync();
        using var request = app.Signer.Interaction(SlackRequestSigner.BlockActions(TestActionHandler.Id));
        request.Headers.Remove("X-Slack-Signature");
        request.Headers.Add("X-Slack-Signature", SlackRequestSigner.Sign("wrong-secret", "1", "x"));

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Probe.Actions);
    }

    [Fact]
    public async Task Commands_GetMethod_NotServed()
    {
        await using var app = await SlackTestApp.StartAsync();

        using var response = await app.Client.GetAsync(SlackRequestSigner.CommandsPath);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task<HttpRequestMessage> RejectedCommandAsync(SlackTestApp app, string rejected)
    {
        switch (rejected)
        {
            case "tampered body":
                var tampered = app.Signer.Command(TestCommandHandler.Name, "text", userId: "U1");
                var body = (await tampered.Content!.ReadAsStringAsync()).Replace("user_id=U1", "user_id=U2", StringComparison.Ordinal);
                tampered.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
                return tampered;
            case "replayed after 5 minutes":
                var replayed = app.Signer.Command(TestCommandHandler.Name);
                app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
                return replayed;
            case "empty secret configured":
                return new SlackRequestSigner("", app.Time).Command(TestCommandHandler.Name);
            case "over the limit with a length":
                return app.Signer.Command(TestCommandHandler.Name, new string('x', 600));
            case "JSON instead of a form":
                return app.Signer.Raw(SlackRequestSigner.CommandsPath, """{"command":"/jit-test"}""", contentType: "application/json");
            default:
                throw new ArgumentOutOfRangeException(nameof(rejected), rejected, "No such case in RejectedCommands.");
        }
    }

    private static async Task AssertRejected(SlackTestApp app, HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Probe.Commands);
        Assert.Empty(app.Probe.Actions);
    }
}
