using System.Text.Json.Nodes;
using SlackJit.SlackEmulator;

namespace SlackJit.Tests.SlackEmulator.WebApi;

/// <summary>
/// What a bot token may edit and delete, as Slack documents it: only its own messages (<c>cant_update_message</c>,
/// <c>cant_delete_message</c>), nothing in an archived conversation (<c>is_archived</c>), and <c>message_not_found</c> /
/// <c>channel_not_found</c> for what is not there.
/// </summary>
public sealed class ChatMethodsTests : IAsyncLifetime
{
    private const string Channel = "C0ROOM";
    private const string Person = "U0PERSON";
    private EmulatedSlack _slack = null!;
    private EmulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await EmulatedSlack.StartAsync();
        _slack.Workspace.AddUser(new EmulatedUser(Person, "person", "A Person")).AddChannel(Channel, "room");
        _client = new EmulatorClient(_slack);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _slack.DisposeAsync();
    }

    private async Task<string> PostAsync()
    {
        var (_, posted, _) = await _client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "secret" });
        return posted["ts"]!.GetValue<string>();
    }

    private async Task<string?> ErrorOfAsync(string method, string channel, string ts)
    {
        var (_, answer, _) = await _client.CallAsync(method, new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = "edited" });
        return answer["ok"]!.GetValue<bool>() ? null : answer["error"]!.GetValue<string>();
    }

    [Fact]
    public async Task UpdateAndDelete_APersonsMessage_CantUpdateAndCantDelete()
    {
        _slack.Workspace.PostAsPerson(Channel, Person, "mine");
        var ts = _slack.Workspace.Messages(Channel).Single().Ts;

        Assert.Equal("cant_update_message", await ErrorOfAsync("chat.update", Channel, ts));
        Assert.Equal("cant_delete_message", await ErrorOfAsync("chat.delete", Channel, ts));
        Assert.Equal("mine", _slack.Workspace.Messages(Channel).Single().Text);
    }

    [Fact]
    public async Task Update_ArchivedChannel_IsArchivedAndTheMessageStays()
    {
        var ts = await PostAsync();
        _slack.Workspace.ArchiveChannel(Channel);

        Assert.Equal("is_archived", await ErrorOfAsync("chat.update", Channel, ts));
        Assert.Equal("secret", _slack.Workspace.Message(Channel, ts)!.Text);
        var (_, posted, _) = await _client.CallAsync("chat.postMessage", new JsonObject { ["channel"] = Channel, ["text"] = "more" });
        Assert.Equal("is_archived", posted["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAndDelete_UnknownMessageOrChannel_MessageNotFoundOrChannelNotFound()
    {
        var ts = await PostAsync();

        Assert.Equal("message_not_found", await ErrorOfAsync("chat.update", Channel, "1.000001"));
        Assert.Equal("message_not_found", await ErrorOfAsync("chat.delete", Channel, "1.000001"));
        Assert.Equal("channel_not_found", await ErrorOfAsync("chat.update", "C0NOWHERE", ts));
        Assert.Equal("channel_not_found", await ErrorOfAsync("chat.delete", "C0NOWHERE", ts));
    }

    [Fact]
    public async Task Delete_OwnMessage_Gone()
    {
        var ts = await PostAsync();

        Assert.Null(await ErrorOfAsync("chat.delete", Channel, ts));
        Assert.Null(_slack.Workspace.Message(Channel, ts));
    }
}
