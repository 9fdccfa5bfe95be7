using System.Text.Json.Nodes;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SlackInteractionParserTests
{
    [Fact]
    public void Parse_BlockActions_ReadsIdsAndAction()
    {
        var json = SlackRequestSigner.BlockActions("approve", value: "R-7KQ3", userId: "U1", teamId: "T1", channelId: "C1", messageTs: "1.2");

        var parsed = Assert.IsType<BlockActionsPayload>(SlackInteractionParser.Parse(json.ToJsonString()).Interaction);

        Assert.Equal("U1", parsed.User.Id);
        Assert.Equal("T1", parsed.Team?.Id);
        Assert.Equal("A0APP", parsed.ApiAppId);
        Assert.Equal("C1", parsed.Container?.ChannelId);
        Assert.Equal("1.2", parsed.Container?.MessageTs);
        Assert.Equal("C1", parsed.Channel?.Id);
        Assert.Equal("1.2", parsed.Message?.Ts);
        Assert.Equal("https://hooks.slack.test/actions/T0TEAM/1/abc", parsed.ResponseUrl);
        Assert.Equal("1337.42.abcdef", parsed.TriggerId);
        var action = Assert.Single(parsed.Actions);
        Assert.Equal(("approve", "actions", "R-7KQ3", "1700000001.000200"), (action.ActionId, action.BlockId, action.Value, action.ActionTs));
    }

    [Fact]
    public void Parse_ViewSubmission_ReadsStateValuesAndSelectedOptions()
    {
        var json = SlackRequestSigner.ViewSubmission(
            "request_modal",
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["reason"] = new Dictionary<string, string> { ["reason_input"] = "INC-1" } },
            privateMetadata: "meta");
        json["view"]!["state"]!["values"]!["duration"] = new JsonObject
        {
            ["duration_select"] = new JsonObject
            {
                ["type"] = "static_select",
                ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "2 hours" }, ["value"] = "2h" },
            },
        };

        var parsed = Assert.IsType<ViewSubmissionPayload>(SlackInteractionParser.Parse(json.ToJsonString()).Interaction);

        Assert.Equal(("V0VIEW", "request_modal", "meta"), (parsed.View.Id, parsed.View.CallbackId, parsed.View.PrivateMetadata));
        Assert.Equal("INC-1", parsed.View.State?.Get("reason", "reason_input"));
        Assert.Equal("2h", parsed.View.State?.Get("duration", "duration_select"));
        Assert.Null(parsed.View.State?.Get("duration", "missing"));
        Assert.Equal(new SlackJit.Access.SlackIdentity(SlackRequestSigner.DefaultUserId, SlackRequestSigner.DefaultTeamId), parsed.Identity);
    }

    [Fact]
    public void Parse_ViewClosed_ReadsView()
    {
        var json = """{"type":"view_closed","user":{"id":"U1"},"team":{"id":"T1"},"view":{"id":"V1","callback_id":"m"},"is_cleared":true,"new_field":[1,2]}""";

        var parsed = Assert.IsType<ViewClosedPayload>(SlackInteractionParser.Parse(json).Interaction);

        Assert.Equal(("U1", "V1", "m", true), (parsed.User.Id, parsed.View.Id, parsed.View.CallbackId, parsed.IsCleared));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":1}")]
    [InlineData("{\"no_type\":true}")]
    [InlineData("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"a\"}]}")] // no user
    [InlineData("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[]}")] // no action
    [InlineData("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[{\"action_id\":null}]}")]
    [InlineData("{\"type\":\"block_actions\",\"user\":{\"id\":\"\"},\"actions\":[{\"action_id\":\"a\"}]}")]
    [InlineData("{\"type\":\"block_actions\",\"user\":\"U1\",\"actions\":[{\"action_id\":\"a\"}]}")] // wrong shape
    [InlineData("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}")] // no view
    [InlineData("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"},\"view\":{\"id\":\"V\",\"state\":{\"values\":{\"b\":[]}}}}")]
    public void Parse_BadPayload_IsInvalidWithShortReason(string json)
    {
        var parse = SlackInteractionParser.Parse(json);

        Assert.Null(parse.Interaction);
        Assert.NotNull(parse.Error);
        Assert.True(parse.Error.Length < 80);
    }

    [Fact]
    public void Parse_UnknownType_IsUnknownNotInvalid()
    {
        var parse = SlackInteractionParser.Parse("""{"type":"shortcut","user":{"id":"U1"}}""");

        Assert.Equal("shortcut", parse.UnknownType);
        Assert.Null(parse.Error);
        Assert.Null(parse.Interaction);
    }

    [Fact]
    public void Parse_DeeplyNested_IsInvalid()
    {
        var json = "{\"type\":\"block_actions\",\"x\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.NotNull(SlackInteractionParser.Parse(json).Error);
    }
}
