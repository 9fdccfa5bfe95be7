using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlackJit.SlackEmulator;

namespace SlackJit.Tests.SlackEmulator.Ui;

/// <summary>The page's endpoints show each person what Slack would show them, and no more.</summary>
public sealed class EmulatorUiEndpointsTests : IAsyncLifetime
{
    private const string Owner = "U0OWNER";
    private const string Other = "U0OTHER";
    private EmulatedSlack _slack = null!;
    private EmulatorClient _api = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _slack = await EmulatedSlack.StartAsync();
        _slack.Workspace.AddUser(new EmulatedUser(Owner, "owner", "Owner Person")).AddUser(new EmulatedUser(Other, "other", "Other Person"));
        _api = new EmulatorClient(_slack);
        _http.BaseAddress = _slack.Root;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _api.Dispose();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Timeline_SomeoneElsesDm_NotFoundAndNothingShown()
    {
        var (_, opened, _) = await _api.CallAsync("conversations.open", new JsonObject { ["users"] = Owner });
        var dm = opened["channel"]!["id"]!.GetValue<string>();
        await _api.CallAsync("chat.postMessage", new JsonObject { ["channel"] = dm, ["text"] = "export AWS_SECRET_ACCESS_KEY=s3cr3t" });

        using var theirs = await _http.GetAsync($"emulator/timeline?channel={dm}&as={Other}");
        var mine = await _http.GetFromJsonAsync<JsonObject>($"emulator/timeline?channel={dm}&as={Owner}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain("s3cr3t", await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("s3cr3t", mine!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_BeforeTheAppIsUp_503WithAClearMessage()
    {
        _slack.Workspace.AddChannel("C0ROOM", "room");

        using var response = await _http.PostAsJsonAsync("emulator/command", new { As = Owner, Channel = "C0ROOM", Text = "/s3-access help" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("still starting", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_PlainText_PostedAsThePersonWithoutCallingTheApp()
    {
        _slack.Workspace.AddChannel("C0ROOM", "room");
        _slack.App.AppBase = new Uri("http://127.0.0.1:9/");

        using var response = await _http.PostAsJsonAsync("emulator/command", new { As = Owner, Channel = "C0ROOM", Text = "hello team" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_slack.Workspace.Messages("C0ROOM"));
        Assert.Equal(("hello team", Owner), (message.Text, message.UserId));
    }
}
