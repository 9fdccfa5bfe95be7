using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SlackJit.SlackEmulator;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.SlackEmulator.AppClient;

/// <summary>Slack's side towards the app: what it sends (signed forms) and what it does with the answers.</summary>
public sealed class SlackAppClientTests : IAsyncLifetime
{
    private const string Secret = "client-test-secret";
    private const string Channel = "C0ROOM";
    private const string User = "U0PERSON";
    private readonly ConcurrentQueue<(Dictionary<string, string> Headers, string Body)> _received = new();
    private Func<HttpContext, Task> _answer = _ => Task.CompletedTask;
    private EmulatedSlack _slack = null!;
    private LoopbackServer _app = null!;

    public async Task InitializeAsync()
    {
        _slack = await EmulatedSlack.StartAsync();
        _slack.Workspace.AddUser(new EmulatedUser(User, "person", "A Person")).AddChannel(Channel, "room");
        _app = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _received.Enqueue((context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync()));
            await _answer(context);
        });
        _slack.App.AppBase = _app.Url;
        _slack.App.SigningSecret = Secret;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Command_Sent_SignedFormWithFreshTriggerAndResponseUrlOnTheEmulator()
    {
        await _slack.App.CommandAsync(User, Channel, "/s3-access", "bucket 1h why", CancellationToken.None);

        var (headers, body) = Assert.Single(_received);
        var timestamp = headers["X-Slack-Request-Timestamp"];
        var expected = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        Assert.Equal(expected, headers["X-Slack-Signature"]);
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        var form = System.Web.HttpUtility.ParseQueryString(body);
        Assert.Equal(("/s3-access", "bucket 1h why", User, Channel), (form["command"], form["text"], form["user_id"], form["channel_id"]));
        Assert.StartsWith(_slack.Root + "hooks/", form["response_url"], StringComparison.Ordinal);
        var trigger = form["trigger_id"]!;
        Assert.True((await new EmulatorClient(_slack).CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = EmulatorClient.Modal() })).Body["ok"]!.GetValue<bool>());
        Assert.Single(_slack.Workspace.ViewStack(User));
    }

    [Fact]
    public async Task Command_JsonAnswer_EphemeralForTheTyperOnly()
    {
        _answer = c => c.Response.WriteAsJsonAsync(new { text = "got it" });

        await _slack.App.CommandAsync(User, Channel, "/s3-access", "", CancellationToken.None);

        var reply = Assert.Single(_slack.Workspace.Ephemerals(User));
        Assert.Equal(("got it", Channel), (reply.Text, reply.Channel));
        Assert.Empty(_slack.Workspace.Messages(Channel));
    }

    [Fact]
    public async Task Command_AppSlowerThanTheDeadline_OperationTimeoutShown()
    {
        _slack.App.AckDeadline = TimeSpan.FromMilliseconds(200);
        _answer = c => Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted);

        var response = await _slack.App.CommandAsync(User, Channel, "/s3-access", "", CancellationToken.None);

        Assert.True(response.TimedOut);
        Assert.Equal("/s3-access failed with the error \"operation_timeout\"", Assert.Single(_slack.Workspace.Ephemerals(User)).Text);
    }

    [Fact]
    public async Task SubmitView_ErrorsAnswer_ViewStaysWithErrorsThenEmptyAnswerClosesIt()
    {
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = "form",
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Form" },
            ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Send" },
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "input", ["block_id"] = "name",
                    ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Name" },
                    ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "value" },
                },
                new JsonObject
                {
                    ["type"] = "input", ["block_id"] = "pick",
                    ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Pick" },
                    ["element"] = new JsonObject
                    {
                        ["type"] = "static_select", ["action_id"] = "value",
                        ["options"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "A" }, ["value"] = "a" }),
                    },
                }),
        };
        await new EmulatorClient(_slack).CallAsync("views.open", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = view });
        _answer = c => c.Response.WriteAsJsonAsync(new { response_action = "errors", errors = new Dictionary<string, string> { ["name"] = "Too short" } });

        await _slack.App.SubmitViewAsync(User, new Dictionary<string, string> { ["name"] = "x", ["pick"] = "a" }, CancellationToken.None);

        var (_, body) = _received.Last();
        var payload = JsonNode.Parse(System.Web.HttpUtility.ParseQueryString(body)["payload"]!)!;
        Assert.Equal("view_submission", payload["type"]!.GetValue<string>());
        Assert.Equal("x", payload["view"]!["state"]!["values"]!["name"]!["value"]!["value"]!.GetValue<string>());
        Assert.Equal("a", payload["view"]!["state"]!["values"]!["pick"]!["value"]!["selected_option"]!["value"]!.GetValue<string>());
        Assert.Equal("Too short", Assert.Single(_slack.Workspace.ViewStack(User)).Errors["name"]);

        _answer = _ => Task.CompletedTask;
        await _slack.App.SubmitViewAsync(User, new Dictionary<string, string> { ["name"] = "long enough", ["pick"] = "a" }, CancellationToken.None);
        Assert.Empty(_slack.Workspace.ViewStack(User));
    }

    [Theory]
    [InlineData("on", 1)]
    [InlineData("", 0)]
    public async Task SubmitView_Checkboxes_TickedOptionsAsSelectedOptions(string entered, int ticked)
    {
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = "form",
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Form" },
            ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Send" },
            ["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "input", ["block_id"] = "box", ["optional"] = true,
                ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Box" },
                ["element"] = new JsonObject
                {
                    ["type"] = "checkboxes", ["action_id"] = "value",
                    ["options"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "On" }, ["value"] = "on" }),
                },
            }),
        };
        await new EmulatorClient(_slack).CallAsync("views.open", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = view });
        _answer = _ => Task.CompletedTask;

        await _slack.App.SubmitViewAsync(User, new Dictionary<string, string> { ["box"] = entered }, CancellationToken.None);

        var (_, body) = _received.Last();
        var state = JsonNode.Parse(System.Web.HttpUtility.ParseQueryString(body)["payload"]!)!["view"]!["state"]!["values"]!["box"]!["value"]!;
        Assert.Equal("checkboxes", state["type"]!.GetValue<string>());
        var selected = state["selected_options"]!.AsArray();
        Assert.Equal(ticked, selected.Count);
        Assert.All(selected, o => Assert.Equal("on", o!["value"]!.GetValue<string>()));
    }
}
