using System.Text.Json.Nodes;
using SlackJit.Slack.Api;
using SlackJit.Slack.Blocks;

namespace SlackJit.Tests.Slack.Api;

public sealed class SlackApiClientTests
{
    private const string Channel = "C0APPROVE";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostMessageAsync_KnownChannel_ReturnsRefAndSlackHoldsMessage()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel);
        var blocks = new BlockList { Block.Section("*Request* R-ABC123") }.ToJsonArray();

        var posted = await h.Api.PostMessageAsync(Channel, new SlackMessage("Request R-ABC123", blocks), None);

        Assert.Equal(Channel, posted.Channel);
        var message = h.Fake.Message(Channel, posted.Ts);
        Assert.NotNull(message);
        Assert.Equal("Request R-ABC123", message.Text);
        Assert.Contains("R-ABC123", message.Blocks!.ToJsonString());
        var call = Assert.Single(h.Fake.Calls("chat.postMessage"));
        Assert.True(call.Ok);
        Assert.Equal("false", call.Arg("unfurl_links"));
    }

    [Fact]
    public async Task PostMessageAsync_JsonBody_DeclaresUtf8Charset()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel);

        await h.Api.PostMessageAsync(Channel, new SlackMessage("hi"), None);

        // The fake answers "missing_charset" as a warning the way Slack does; the client logs warnings.
        Assert.DoesNotContain(h.Logs.GetSnapshot(), r => r.Id.Id == 3102);
    }

    [Fact]
    public async Task PostMessageAsync_UnknownChannel_ThrowsChannelNotFound()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.PostMessageAsync("C0NOWHERE", new SlackMessage("hi"), None));

        Assert.Equal(SlackErrors.ChannelNotFound, ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
    }

    [Fact]
    public async Task PostMessageAsync_BotNotInvited_ThrowsNotInChannel()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannelWithoutBot(Channel);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.PostMessageAsync(Channel, new SlackMessage("hi"), None));

        Assert.Equal(SlackErrors.NotInChannel, ex.Error);
    }

    [Fact]
    public async Task PostMessageAsync_WrongToken_ThrowsInvalidAuthAndNeverLogsToken()
    {
        await using var h = await SlackApiHarness.StartAsync(s => s["Slack:BotToken"] = "xoxb-not-the-right-one");
        h.Fake.AddChannel(Channel);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.PostMessageAsync(Channel, new SlackMessage("secret body"), None));

        Assert.Equal(SlackErrors.InvalidAuth, ex.Error);
        var logs = string.Join("\n", h.Logs.GetSnapshot().Select(r => r.Message));
        Assert.Contains("invalid_auth", logs);
        Assert.DoesNotContain("xoxb-", logs);
        Assert.DoesNotContain("secret body", logs);
        Assert.DoesNotContain("xoxb-", ex.Message);
    }

    [Fact]
    public async Task UpdateMessageAsync_PostedMessage_ReplacesContent()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel);
        var posted = await h.Api.PostMessageAsync(Channel, new SlackMessage("pending"), None);

        var updated = await h.Api.UpdateMessageAsync(posted, new SlackMessage("approved"), None);

        Assert.Equal(posted, updated);
        var message = h.Fake.Message(Channel, posted.Ts)!;
        Assert.Equal("approved", message.Text);
        Assert.Equal(1, message.Updates);
    }

    [Fact]
    public async Task UpdateMessageAsync_EmptyBlocks_RemovesOldBlocks()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel);
        var secret = new BlockList { Block.Section("AKIA… and the secret key") }.ToJsonArray();
        var posted = await h.Api.PostMessageAsync(Channel, new SlackMessage("credentials", secret), None);

        await h.Api.UpdateMessageAsync(posted, new SlackMessage("Access ended", []), None);

        var message = h.Fake.Message(Channel, posted.Ts)!;
        Assert.DoesNotContain("secret key", message.AllText);
    }

    [Fact]
    public async Task UpdateMessageAsync_UnknownTs_ThrowsMessageNotFound()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel);

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Api.UpdateMessageAsync(new SlackMessageRef(Channel, "1.000001"), new SlackMessage("x"), None));

        Assert.Equal(SlackErrors.MessageNotFound, ex.Error);
    }

    [Fact]
    public async Task DeleteMessageAsync_OwnMessage_GoneAndASecondDeleteIsMessageNotFound()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel);
        var posted = await h.Api.PostMessageAsync(Channel, new SlackMessage("credentials"), None);

        await h.Api.DeleteMessageAsync(posted, None);

        Assert.Null(h.Fake.Message(Channel, posted.Ts));
        var call = h.Fake.Calls("chat.delete").Single();
        Assert.Equal((Channel, posted.Ts), (call.Arg("channel"), call.Arg("ts")));
        var again = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.DeleteMessageAsync(posted, None));
        Assert.Equal(SlackErrors.MessageNotFound, again.Error);
    }

    [Fact]
    public async Task DeleteMessageAsync_SlackRefuses_ThrowsItsCode()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel).FailDeletes(SlackErrors.CantDeleteMessage);
        var posted = await h.Api.PostMessageAsync(Channel, new SlackMessage("credentials"), None);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.DeleteMessageAsync(posted, None));

        Assert.Equal((SlackErrors.CantDeleteMessage, "chat.delete"), (ex.Error, ex.Method));
        Assert.NotNull(h.Fake.Message(Channel, posted.Ts));
    }

    [Fact]
    public async Task PostEphemeralAsync_KnownUser_ReturnsMessageTs()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel).AddUser("U0REQUEST");

        var ts = await h.Api.PostEphemeralAsync(Channel, "U0REQUEST", new SlackMessage("only you"), None);

        Assert.False(string.IsNullOrEmpty(ts));
        Assert.Equal("U0REQUEST", h.Fake.Calls("chat.postEphemeral").Single().Arg("user"));
    }

    [Fact]
    public async Task OpenDirectMessageAsync_SameUserTwice_ReturnsSameChannelThatAcceptsPosts()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddUser("U0REQUEST");

        var first = await h.Api.OpenDirectMessageAsync("U0REQUEST", None);
        var second = await h.Api.OpenDirectMessageAsync("U0REQUEST", None);
        var posted = await h.Api.PostMessageAsync(first, new SlackMessage("your credentials"), None);

        Assert.Equal(first, second);
        Assert.StartsWith("D", first);
        Assert.Equal(first, posted.Channel);
    }

    [Fact]
    public async Task GetUserAsync_GuestUser_MapsFlags()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddUser("U0GUEST", teamId: "T0OTHER", isRestricted: true, isUltraRestricted: true, timeZone: "Asia/Tokyo");

        var user = await h.Api.GetUserAsync("U0GUEST", None);

        Assert.Equal(new SlackUserInfo("U0GUEST", "T0OTHER", false, true, true, false, "Asia/Tokyo"), user);
    }

    [Fact]
    public async Task GetUserAsync_UnknownUser_ThrowsUserNotFound()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.GetUserAsync("U0NOBODY", None));

        Assert.Equal(SlackErrors.UserNotFound, ex.Error);
    }

    [Fact]
    public async Task GetUserGroupMembersAsync_KnownGroup_ReturnsMembers()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddUserGroup("S0OWNERS", "U0ALICE", "U0BOB");

        var members = await h.Api.GetUserGroupMembersAsync("S0OWNERS", None);

        Assert.Equal(["U0ALICE", "U0BOB"], members);
    }

    [Fact]
    public async Task GetUserGroupMembersAsync_FreePlan_ThrowsPlanUpgradeRequired()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddUserGroup("S0OWNERS", "U0ALICE").FailUserGroups();

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.GetUserGroupMembersAsync("S0OWNERS", None));

        Assert.Equal(SlackErrors.PlanUpgradeRequired, ex.Error);
    }

    [Fact]
    public async Task OpenViewAsync_ValidModal_ReturnsViewIdAndSpendsTrigger()
    {
        await using var h = await SlackApiHarness.StartAsync();
        var view = SampleModal();

        var id = await h.Api.OpenViewAsync("trigger-1", view, None);
        var again = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.OpenViewAsync("trigger-1", SampleModal(), None));

        Assert.StartsWith("V", id);
        Assert.Equal(SlackErrors.TriggerExchanged, again.Error);
        Assert.Equal("request", h.Fake.OpenedViews().Single()["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenViewAsync_ExpiredTrigger_ThrowsTriggerExpiredWithoutRetry()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.ExpireTrigger("old");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.OpenViewAsync("old", SampleModal(), None));

        Assert.Equal(SlackErrors.TriggerExpired, ex.Error);
        Assert.Single(h.Fake.Calls("views.open"));
    }

    [Fact]
    public async Task OpenViewAsync_TitleOverSlackLimit_ThrowsInvalidArguments()
    {
        await using var h = await SlackApiHarness.StartAsync();
        var view = SampleModal();
        view["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('t', 25) };

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => h.Api.OpenViewAsync("trigger-2", view, None));

        Assert.Equal(SlackErrors.InvalidArguments, ex.Error);
    }

    [Fact]
    public async Task AuthTestAsync_ValidToken_ReturnsBotIdentity()
    {
        await using var h = await SlackApiHarness.StartAsync();

        var auth = await h.Api.AuthTestAsync(None);

        Assert.Equal(new SlackAuthInfo(FakeSlackApi.TeamId, SlackWorkspace.DefaultTeamName, FakeSlackApi.BotUserId, FakeSlackApi.BotId, FakeSlackApi.AppId), auth);
    }

    [Fact]
    public async Task PostToResponseUrlAsync_AllowedHost_PostsJsonWithoutBotToken()
    {
        await using var h = await SlackApiHarness.StartAsync();
        var body = new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Request sent" };

        await h.Api.PostToResponseUrlAsync(h.Fake.NewResponseUrl(), body, None);

        // The fake refuses a response_url post that carries a token (unexpected_token), so ok proves none was sent.
        var call = Assert.Single(h.Fake.Calls(FakeSlackApi.ResponseUrlMethod));
        Assert.True(call.Ok);
        Assert.Equal("Request sent", call.Arg("text"));
    }

    [Theory]
    [InlineData("https://evil.example/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task PostToResponseUrlAsync_ForeignUrl_RefusesWithoutSending(string url)
    {
        await using var h = await SlackApiHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<SlackApiException>(
            () => h.Api.PostToResponseUrlAsync(url, new JsonObject { ["text"] = "x" }, None));

        Assert.Equal(SlackErrors.InvalidResponseUrl, ex.Error);
        Assert.Empty(h.Fake.Calls());
    }

    [Fact]
    public async Task PostMessageAsync_BuilderOutputAtEveryLimit_SlackAccepts()
    {
        await using var h = await SlackApiHarness.StartAsync();
        h.Fake.AddChannel(Channel);
        var hostile = new string('<', 5000) + "<!channel>";
        var blocks = BlockList.ForMessage();
        blocks.Add(Block.Header(hostile));
        blocks.Add(Block.Section(Mrkdwn.Escape(hostile), fields: Enumerable.Repeat(Mrkdwn.Escape(hostile), 10)));
        blocks.Add(Block.Context(Mrkdwn.Escape(hostile)));
        blocks.Add(Block.Actions("decide",
            Element.Button("approve", hostile, new string('v', BlockLimits.ButtonValue), ButtonStyle.Primary,
                confirm: new ConfirmDialog(hostile, hostile, hostile, hostile))));
        while (blocks.Count < BlockLimits.MessageBlocks)
        {
            blocks.Add(Block.Section(Mrkdwn.Escape(hostile)));
        }

        var posted = await h.Api.PostMessageAsync(Channel, new SlackMessage(Mrkdwn.Escape(hostile, BlockLimits.MessageText), blocks.ToJsonArray()), None);

        Assert.DoesNotContain("<!channel>", h.Fake.Message(Channel, posted.Ts)!.AllText);
    }

    internal static JsonObject SampleModal() => Modal.Build(
        "request",
        "Request S3 access",
        new BlockList(BlockLimits.ModalBlocks)
        {
            Block.Input("bucket", "Bucket", Element.PlainTextInput("value")),
        },
        submit: "Request",
        close: "Cancel");
}
