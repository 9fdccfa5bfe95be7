using System.Text.Json.Nodes;
using SlackJit.SlackEmulator;

namespace SlackJit.Tests.SlackEmulator.WebApi;

/// <summary>views.open / push / update as Slack enforces them: trigger ids single-use and 3 s, a stack of 3, hash guards.</summary>
public sealed class ViewMethodsTests : OnePersonSlack
{
    [Fact]
    public async Task OpenAndPublish_Answer_TheSameViewShapeWithItsIdHashTeamAndApp()
    {
        var (_, opened, _) = await Client.CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal() });
        var (_, published, _) = await Client.CallAsync("views.publish", new JsonObject
        {
            ["user_id"] = User,
            ["view"] = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() },
        });

        foreach (var (answer, stored) in new[] { (opened, Slack.Workspace.ViewStack(User)[0]), (published, Slack.Workspace.HomeView(User)!) })
        {
            var view = answer["view"]!;
            Assert.Equal((stored.Id, stored.Hash), ((string?)view["id"], (string?)view["hash"]));
            Assert.Equal((Slack.Workspace.TeamId, Slack.Workspace.AppId), ((string?)view["team_id"], (string?)view["app_id"]));
            Assert.Empty(view["state"]!["values"]!.AsObject());
        }
    }

    [Fact]
    public async Task Open_IssuedTriggerWithin3s_OpensForItsUserOnce()
    {
        var trigger = Slack.Workspace.IssueTrigger(User);
        Time.Advance(TimeSpan.FromSeconds(2));

        var (_, first, _) = await Client.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = EmulatorClient.Modal() });
        var (_, second, _) = await Client.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = EmulatorClient.Modal() });

        Assert.True(first["ok"]!.GetValue<bool>());
        Assert.Equal("exchanged_trigger_id", second["error"]!.GetValue<string>());
        var view = Assert.Single(Slack.Workspace.ViewStack(User));
        Assert.Equal(first["view"]!["id"]!.GetValue<string>(), view.Id);
    }

    [Fact]
    public async Task Open_TriggerOlderThan3s_ExpiredTriggerId()
    {
        var trigger = Slack.Workspace.IssueTrigger(User);
        Time.Advance(TimeSpan.FromSeconds(3.5));

        var (_, body, _) = await Client.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = EmulatorClient.Modal() });

        Assert.Equal("expired_trigger_id", body["error"]!.GetValue<string>());
        Assert.Empty(Slack.Workspace.ViewStack(User));
    }

    [Fact]
    public async Task Push_FourthView_PushLimitReached()
    {
        await Client.CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("One") });
        await Client.CallAsync("views.push", new JsonObject { ["trigger_id"] = Slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Two") });
        await Client.CallAsync("views.push", new JsonObject { ["trigger_id"] = Slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Three") });

        var (_, fourth, _) = await Client.CallAsync("views.push", new JsonObject { ["trigger_id"] = Slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Four") });

        Assert.Equal("push_limit_reached", fourth["error"]!.GetValue<string>());
        Assert.Equal(["One", "Two", "Three"], Slack.Workspace.ViewStack(User).Select(v => v.View["title"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Update_StaleHash_HashConflictAndViewKept()
    {
        var (_, opened, _) = await Client.CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Before") });
        var id = opened["view"]!["id"]!.GetValue<string>();
        var hash = opened["view"]!["hash"]!.GetValue<string>();

        var (_, updated, _) = await Client.CallAsync("views.update", new JsonObject { ["view_id"] = id, ["hash"] = hash, ["view"] = EmulatorClient.Modal("After") });
        var (_, stale, _) = await Client.CallAsync("views.update", new JsonObject { ["view_id"] = id, ["hash"] = hash, ["view"] = EmulatorClient.Modal("Again") });
        var (_, missing, _) = await Client.CallAsync("views.update", new JsonObject { ["view_id"] = "V0NOPE", ["view"] = EmulatorClient.Modal() });

        Assert.True(updated["ok"]!.GetValue<bool>());
        Assert.Equal("hash_conflict", stale["error"]!.GetValue<string>());
        Assert.Equal("not_found", missing["error"]!.GetValue<string>());
        Assert.Equal("After", Assert.Single(Slack.Workspace.ViewStack(User)).View["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_TitleOver24Characters_InvalidArguments()
    {
        var (_, opened, _) = await Client.CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal() });

        var (_, body, _) = await Client.CallAsync("views.update", new JsonObject { ["view_id"] = opened["view"]!["id"]!.DeepClone(), ["view"] = EmulatorClient.Modal(new string('t', 25)) });

        Assert.Equal("invalid_arguments", body["error"]!.GetValue<string>());
    }
}
