using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SlackJit.SlackEmulator;

namespace SlackJit.Tests.SlackEmulator.WebApi;

/// <summary>views.open / push / update as Slack enforces them: trigger ids single-use and 3 s, a stack of 3, hash guards.</summary>
public sealed class ViewMethodsTests : IAsyncLifetime
{
    private const string User = "U0PERSON";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private EmulatedSlack _slack = null!;
    private EmulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await EmulatedSlack.StartAsync(_time);
        _slack.Workspace.AddUser(new EmulatedUser(User, "person", "A Person"));
        _client = new EmulatorClient(_slack);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Open_IssuedTriggerWithin3s_OpensForItsUserOnce()
    {
        var trigger = _slack.Workspace.IssueTrigger(User);
        _time.Advance(TimeSpan.FromSeconds(2));

        var (_, first, _) = await _client.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = EmulatorClient.Modal() });
        var (_, second, _) = await _client.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = EmulatorClient.Modal() });

        Assert.True(first["ok"]!.GetValue<bool>());
        Assert.Equal("exchanged_trigger_id", second["error"]!.GetValue<string>());
        var view = Assert.Single(_slack.Workspace.ViewStack(User));
        Assert.Equal(first["view"]!["id"]!.GetValue<string>(), view.Id);
    }

    [Fact]
    public async Task Open_TriggerOlderThan3s_ExpiredTriggerId()
    {
        var trigger = _slack.Workspace.IssueTrigger(User);
        _time.Advance(TimeSpan.FromSeconds(3.5));

        var (_, body, _) = await _client.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = EmulatorClient.Modal() });

        Assert.Equal("expired_trigger_id", body["error"]!.GetValue<string>());
        Assert.Empty(_slack.Workspace.ViewStack(User));
    }

    [Fact]
    public async Task Push_FourthView_PushLimitReached()
    {
        await _client.CallAsync("views.open", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("One") });
        await _client.CallAsync("views.push", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Two") });
        await _client.CallAsync("views.push", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Three") });

        var (_, fourth, _) = await _client.CallAsync("views.push", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Four") });

        Assert.Equal("push_limit_reached", fourth["error"]!.GetValue<string>());
        Assert.Equal(["One", "Two", "Three"], _slack.Workspace.ViewStack(User).Select(v => v.View["title"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Update_StaleHash_HashConflictAndViewKept()
    {
        var (_, opened, _) = await _client.CallAsync("views.open", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal("Before") });
        var id = opened["view"]!["id"]!.GetValue<string>();
        var hash = opened["view"]!["hash"]!.GetValue<string>();

        var (_, updated, _) = await _client.CallAsync("views.update", new JsonObject { ["view_id"] = id, ["hash"] = hash, ["view"] = EmulatorClient.Modal("After") });
        var (_, stale, _) = await _client.CallAsync("views.update", new JsonObject { ["view_id"] = id, ["hash"] = hash, ["view"] = EmulatorClient.Modal("Again") });
        var (_, missing, _) = await _client.CallAsync("views.update", new JsonObject { ["view_id"] = "V0NOPE", ["view"] = EmulatorClient.Modal() });

        Assert.True(updated["ok"]!.GetValue<bool>());
        Assert.Equal("hash_conflict", stale["error"]!.GetValue<string>());
        Assert.Equal("not_found", missing["error"]!.GetValue<string>());
        Assert.Equal("After", Assert.Single(_slack.Workspace.ViewStack(User)).View["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_TitleOver24Characters_InvalidArguments()
    {
        var (_, opened, _) = await _client.CallAsync("views.open", new JsonObject { ["trigger_id"] = _slack.Workspace.IssueTrigger(User), ["view"] = EmulatorClient.Modal() });

        var (_, body, _) = await _client.CallAsync("views.update", new JsonObject { ["view_id"] = opened["view"]!["id"]!.DeepClone(), ["view"] = EmulatorClient.Modal(new string('t', 25)) });

        Assert.Equal("invalid_arguments", body["error"]!.GetValue<string>());
    }
}
