using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SlackJit.SlackEmulator;

namespace SlackJit.Tests.SlackEmulator.WebApi;

/// <summary>response_url (5 uses in 30 minutes, replace/delete the original, ephemeral to its user), chat.delete and ephemerals.</summary>
public sealed class ResponseUrlAndChatTests : IAsyncLifetime
{
    private const string Channel = "C0ROOM";
    private const string User = "U0PERSON";
    private const string Other = "U0OTHER";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private EmulatedSlack _slack = null!;
    private EmulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await EmulatedSlack.StartAsync(_time);
        _slack.Workspace.AddUser(new EmulatedUser(User, "person", "A Person")).AddUser(new EmulatedUser(Other, "other", "Other Person")).AddChannel(Channel, "room");
        _client = new EmulatorClient(_slack);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task ResponseUrl_Ephemeral_OnlyItsUserSeesIt()
    {
        var url = _slack.App.NewResponseUrl(Channel, User);

        var (status, _, _) = await _client.PostAsync(url, new JsonObject { ["text"] = "just for you" });

        Assert.Equal(200, status);
        Assert.Empty(_slack.Workspace.Messages(Channel));
        Assert.Contains(_slack.Workspace.Timeline(Channel, User), m => m.Text == "just for you" && m.IsEphemeral);
        Assert.DoesNotContain(_slack.Workspace.Timeline(Channel, Other), m => m.Text == "just for you");
    }

    [Fact]
    public async Task ResponseUrl_ReplaceOriginal_EditsTheClickedMessage()
    {
        var (_, posted, _) = await _client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "card" });
        var ts = posted["ts"]!.GetValue<string>();
        var url = _slack.App.NewResponseUrl(Channel, User, ts);

        await _client.PostAsync(url, new JsonObject { ["replace_original"] = true, ["text"] = "card, decided" });

        var message = Assert.Single(_slack.Workspace.Messages(Channel));
        Assert.Equal(("card, decided", 1), (message.Text, message.Updates));
    }

    // Slack lets a click's response_url replace or delete the message it came from, an ephemeral one too (chat.update
    // cannot touch an ephemeral): the answer replaces it whole, its buttons gone, and no second message appears.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ResponseUrl_FromAClickOnAnEphemeral_ReplacesOrDeletesThatEphemeral(bool delete)
    {
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = "cancel",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Cancel" },
            }),
        });
        await _client.CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = Channel, ["user"] = User, ["text"] = "waiting", ["blocks"] = blocks });
        var ephemeral = Assert.Single(_slack.Workspace.Ephemerals(User));
        var url = _slack.App.NewResponseUrl(Channel, User, ephemeral.Ts);

        var (status, _, _) = await _client.PostAsync(url, delete
            ? new JsonObject { ["delete_original"] = true }
            : new JsonObject { ["replace_original"] = true, ["text"] = "cancelled" });

        Assert.Equal(200, status);
        if (delete)
        {
            Assert.Empty(_slack.Workspace.Ephemerals(User));
        }
        else
        {
            var replaced = Assert.Single(_slack.Workspace.Ephemerals(User));
            Assert.Equal((ephemeral.Ts, "cancelled", null, 1), (replaced.Ts, replaced.Text, replaced.Blocks, replaced.Updates));
        }
    }

    [Fact]
    public async Task ResponseUrl_SixthUse_UsedUrl()
    {
        var url = _slack.App.NewResponseUrl(Channel, User);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await _client.PostAsync(url, new JsonObject { ["text"] = $"reply {i}" })).Status);
        }

        var (status, body, _) = await _client.PostAsync(url, new JsonObject { ["text"] = "one too many" });

        Assert.Equal((404, "used_url"), (status, body["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ResponseUrl_After30Minutes_ExpiredUrl()
    {
        var url = _slack.App.NewResponseUrl(Channel, User);
        _time.Advance(TimeSpan.FromMinutes(31));

        var (status, body, _) = await _client.PostAsync(url, new JsonObject { ["text"] = "late" });

        Assert.Equal((404, "expired_url"), (status, body["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ResponseUrl_NeverIssued_InvalidUrl()
    {
        var (status, body, _) = await _client.PostAsync(new Uri(_slack.Root, "hooks/made-up").AbsoluteUri, new JsonObject { ["text"] = "x" });

        Assert.Equal((404, "invalid_url"), (status, body["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Delete_PostedMessage_GoneThenMessageNotFound()
    {
        var (_, posted, _) = await _client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "oops" });
        var ts = posted["ts"]!.DeepClone();

        var (_, first, _) = await _client.CallAsync("chat.delete", new JsonObject { ["channel"] = Channel, ["ts"] = ts });
        var (_, second, _) = await _client.CallAsync("chat.delete", new JsonObject { ["channel"] = Channel, ["ts"] = ts.DeepClone() });

        Assert.True(first["ok"]!.GetValue<bool>());
        Assert.Equal("message_not_found", second["error"]!.GetValue<string>());
        Assert.Empty(_slack.Workspace.Messages(Channel));
    }

    [Fact]
    public async Task RateLimits_Enabled_OverTheTierAnswers429WithRetryAfterUntilTheMinutePasses()
    {
        _slack.RateLimits.Enabled = true;
        _slack.RateLimits.Overrides["users.info"] = 2;
        var args = new JsonObject { ["user"] = User };

        var first = await _client.CallAsync("users.info", args.DeepClone().AsObject());
        _time.Advance(TimeSpan.FromSeconds(20));
        var second = await _client.CallAsync("users.info", args.DeepClone().AsObject());
        var third = await _client.CallAsync("users.info", args.DeepClone().AsObject());
        _time.Advance(TimeSpan.FromSeconds(41));
        var fourth = await _client.CallAsync("users.info", args.DeepClone().AsObject());

        Assert.Equal([200, 200, 429, 200], new[] { first.Status, second.Status, third.Status, fourth.Status });
        Assert.Equal("40", third.RetryAfter);
        Assert.Equal("ratelimited", third.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task RateLimits_Off_NoLimit()
    {
        _slack.RateLimits.Overrides["users.info"] = 1;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await _client.CallAsync("users.info", new JsonObject { ["user"] = User })).Status);
        }
    }
}
