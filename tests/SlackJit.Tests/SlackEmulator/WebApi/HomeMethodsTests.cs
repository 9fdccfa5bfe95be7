using System.Text.Json.Nodes;
using SlackJit.SlackEmulator;

namespace SlackJit.Tests.SlackEmulator.WebApi;

/// <summary>views.publish as Slack enforces it: a known user, a valid home view of at most 100 blocks, hash guards, the Home tab on.</summary>
public sealed class HomeMethodsTests : OnePersonSlack
{
    private static JsonObject Home(int blocks = 1, string type = "home") => new()
    {
        ["type"] = type,
        ["blocks"] = new JsonArray([.. Enumerable.Range(0, blocks).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"line {i}" },
        })]),
    };

    [Fact]
    public async Task Publish_ValidHome_ReplacesTheUsersHomeAndKeepsItsId()
    {
        var (_, first, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = Home(1) });
        var (_, second, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = Home(100) });

        Assert.True(first["ok"]!.GetValue<bool>());
        Assert.True(second["ok"]!.GetValue<bool>());
        Assert.Equal("home", (string?)second["view"]!["type"]);
        Assert.Equal((string?)first["view"]!["id"], (string?)second["view"]!["id"]);
        Assert.Equal(100, Slack.Workspace.HomeView(User)!.View["blocks"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(101, "home", "must be less than 101 items [json-pointer:/view/blocks]")]
    [InlineData(1, "modal", "must be a home view [json-pointer:/view/type]")]
    public async Task Publish_InvalidView_InvalidArgumentsSayingWhereAndNothingChanges(int blocks, string type, string message)
    {
        var (_, body, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = Home(blocks, type) });

        Assert.Equal("invalid_arguments", (string?)body["error"]);
        Assert.Equal(message, (string?)body["response_metadata"]!["messages"]![0]);
        Assert.Null(Slack.Workspace.HomeView(User));
    }

    [Fact]
    public async Task Publish_BadBlock_InvalidArgumentsPointingAtIt()
    {
        var view = Home(3);
        view["blocks"]![1] = new JsonObject { ["type"] = "section" };

        var (_, body, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = view });

        Assert.Equal("failed to match all allowed schemas [json-pointer:/view/blocks/1]", (string?)body["response_metadata"]!["messages"]![0]);
    }

    [Fact]
    public async Task Publish_UnknownUserStaleHashTooLargeOrTabOff_RefusedAsSlackDoes()
    {
        var (_, unknown, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = "U0NOBODY", ["view"] = Home() });
        var (_, published, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = Home() });
        var (_, stale, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = Home(), ["hash"] = "1.stale" });
        var (_, fresh, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = Home(2), ["hash"] = (string?)published["view"]!["hash"] });
        var big = Home(1);
        big["private_metadata"] = new string('x', 2000);
        big["blocks"] = new JsonArray([.. Enumerable.Range(0, 100).Select(_ => (JsonNode)new JsonObject
        {
            ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string('y', 2900) },
        })]);
        var (_, tooLarge, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = big });
        Slack.Workspace.HomeTabEnabled = false;
        var (_, off, _) = await Client.CallAsync("views.publish", new JsonObject { ["user_id"] = User, ["view"] = Home() });

        Assert.Equal("invalid `user_id`", (string?)unknown["response_metadata"]!["messages"]![0]);
        Assert.Equal("hash_conflict", (string?)stale["error"]);
        Assert.True(fresh["ok"]!.GetValue<bool>());
        Assert.Equal("view_too_large", (string?)tooLarge["error"]);
        Assert.Equal("not_enabled", (string?)off["error"]);
        Assert.Equal(2, Slack.Workspace.HomeView(User)!.View["blocks"]!.AsArray().Count);
    }
}
