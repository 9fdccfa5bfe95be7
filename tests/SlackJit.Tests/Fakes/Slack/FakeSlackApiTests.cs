using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SlackJit.Tests.Fakes.Slack;

/// <summary>The fake must reject what Slack rejects, or tests of our limits would prove nothing.</summary>
public sealed class FakeSlackApiTests : IAsyncLifetime
{
    private const string Channel = "C0APPROVE";
    private FakeSlackApi _fake = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _fake = await FakeSlackApi.StartAsync();
        _fake.AddChannel(Channel);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task PostMessage_FiftyOneBlocks_InvalidBlocks()
    {
        var blocks = new JsonArray([.. Enumerable.Range(0, 51).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" })]);

        Assert.Equal("invalid_blocks", await PostAsync("chat.postMessage", Body(text: "t", blocks: blocks)));
    }

    [Fact]
    public async Task PostMessage_FiftyBlocks_Accepted()
    {
        var blocks = new JsonArray([.. Enumerable.Range(0, 50).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" })]);

        Assert.Null(await PostAsync("chat.postMessage", Body(text: "t", blocks: blocks)));
    }

    [Theory]
    [InlineData(3000, null)]
    [InlineData(3001, "invalid_blocks")]
    public async Task PostMessage_SectionText_LimitIs3000(int length, string? expected)
    {
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string('s', length) },
        });

        Assert.Equal(expected, await PostAsync("chat.postMessage", Body(text: "t", blocks: blocks)));
    }

    [Theory]
    [InlineData(2000, null)]
    [InlineData(2001, "invalid_blocks")]
    public async Task PostMessage_ButtonValue_LimitIs2000(int length, string? expected)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = "a",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "A" },
            ["value"] = new string('v', length),
        };
        var blocks = new JsonArray(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(button) });

        Assert.Equal(expected, await PostAsync("chat.postMessage", Body(text: "t", blocks: blocks)));
    }

    [Fact]
    public async Task PostMessage_TextOver40000_MsgTooLong()
    {
        Assert.Equal("msg_too_long", await PostAsync("chat.postMessage", Body(text: new string('t', 40_001))));
    }

    [Fact]
    public async Task PostMessage_NoTextNoBlocks_NoText()
    {
        Assert.Equal("no_text", await PostAsync("chat.postMessage", Body()));
    }

    [Fact]
    public async Task ViewsOpen_HundredAndOneBlocks_InvalidArguments()
    {
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "T" },
            ["blocks"] = new JsonArray([.. Enumerable.Range(0, 101).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" })]),
        };

        Assert.Equal("invalid_arguments", await PostAsync("views.open", new JsonObject { ["trigger_id"] = "t", ["view"] = view }));
    }

    [Fact]
    public async Task AnyMethod_WrongOrMissingToken_Refused()
    {
        Assert.Equal("invalid_auth", await PostAsync("auth.test", [], token: "xoxb-wrong"));
        Assert.Equal("not_authed", await PostAsync("auth.test", [], token: null));
    }

    [Fact]
    public async Task AnyMethod_AnotherFakesToken_RefusedBeforeFaultsAndNotRecorded()
    {
        await using var other = await FakeSlackApi.StartAsync();
        _fake.Inject("chat.postMessage", SlackFault.Error("channel_not_found"));

        // Another host's call reaching this fake's port carries its own fake's token.
        Assert.Equal("invalid_auth", await PostAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "stray" }, token: other.BotToken));

        Assert.Empty(_fake.Calls());
        Assert.Equal(1, _fake.Emulator.Calls.Refused);
        Assert.NotEqual(other.BotToken, _fake.BotToken);
        // The queued fault is still there for this test's own call.
        Assert.Equal("channel_not_found", await PostAsync("chat.postMessage", new JsonObject { ["channel"] = "C1", ["text"] = "own" }));
        Assert.Single(_fake.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task AppsConnectionsOpen_AppToken_ReturnsSocketUrl()
    {
        Assert.Null(await PostAsync("apps.connections.open", [], token: FakeSlackApi.DefaultAppToken));
        Assert.Equal("invalid_auth", await PostAsync("apps.connections.open", [], token: _fake.BotToken));
    }

    [Fact]
    public async Task UsersInfo_FormBody_Parsed()
    {
        _fake.AddUser("U0ALICE");
        using var request = new HttpRequestMessage(HttpMethod.Post, _fake.ApiBaseUrl + "users.info")
        {
            Content = new FormUrlEncodedContent([new("user", "U0ALICE")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.BotToken);

        using var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("U0ALICE", json["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task UsersInfo_UserIdWithNul_InvalidArgumentsNotServerError()
    {
        // What a hostile interaction payload's user id can carry to users.info: Slack refuses the arguments, it does
        // not fail, so a 500 here would be the fake's own fault and not the app's.
        using var request = new HttpRequestMessage(HttpMethod.Post, _fake.ApiBaseUrl + "users.info")
        {
            Content = new FormUrlEncodedContent([new("user", "U0ALICE\0")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fake.BotToken);

        using var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(json["ok"]!.GetValue<bool>());
        Assert.Equal("invalid_arguments", json["error"]!.GetValue<string>());
        var call = Assert.Single(_fake.Calls(), c => c.Method == "users.info");
        Assert.Equal(200, call.Status);
    }

    [Fact]
    public async Task Inject_RateLimit_Answers429WithRetryAfterOnce()
    {
        _fake.Inject("auth.test", SlackFault.RateLimited(7));

        using var first = await SendAsync("auth.test", [], _fake.BotToken);
        using var second = await SendAsync("auth.test", [], _fake.BotToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task WaitForCallAsync_CallArrivesLater_ReturnsIt()
    {
        var waiting = _fake.WaitForCallAsync("chat.postMessage", c => c.Arg("text") == "later", TimeSpan.FromSeconds(10));

        await PostAsync("chat.postMessage", Body(text: "sooner"));
        await PostAsync("chat.postMessage", Body(text: "later"));

        Assert.Equal("later", (await waiting).Arg("text"));
    }

    [Fact]
    public async Task WaitForCallAsync_NoCall_TimesOutListingCallsSeen()
    {
        await PostAsync("auth.test", []);

        var ex = await Assert.ThrowsAsync<TimeoutException>(
            () => _fake.WaitForCallAsync("chat.update", timeout: TimeSpan.FromMilliseconds(100)));

        Assert.Contains("auth.test:ok", ex.Message);
    }

    private static JsonObject Body(string? text = null, JsonArray? blocks = null)
    {
        var body = new JsonObject { ["channel"] = Channel };
        if (text is not null)
        {
            body["text"] = text;
        }
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }
        return body;
    }

    private Task<string?> PostAsync(string method, JsonObject body) => PostAsync(method, body, _fake.BotToken);

    private async Task<string?> PostAsync(string method, JsonObject body, string? token)
    {
        using var response = await SendAsync(method, body, token);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return json["ok"]!.GetValue<bool>() ? null : json["error"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> SendAsync(string method, JsonObject body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _fake.ApiBaseUrl + method)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _http.SendAsync(request);
    }
}
