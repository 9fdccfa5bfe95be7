using System.Text.Json.Nodes;
using SlackJit.SlackEmulator.WebApi;

namespace SlackJit.Tests.SlackEmulator.WebApi;

/// <summary>Injected faults: a held call answers, normally, only once the test releases it.</summary>
public sealed class SlackFaultTests : OnePersonSlack
{
    [Fact]
    public async Task Hold_CallWaitsUntilReleased_ThenAnswersNormally()
    {
        var release = new TaskCompletionSource();
        Slack.Faults.Inject("conversations.open", SlackFault.Hold(release.Task));

        var held = Client.CallAsync("conversations.open", new JsonObject { ["users"] = User });
        var other = await Client.CallAsync("users.info", new JsonObject { ["user"] = User });

        Assert.True(other.Body["ok"]!.GetValue<bool>());
        Assert.False(held.IsCompleted);
        Assert.Empty(Slack.Calls.Of("conversations.open"));
        release.SetResult();
        var answer = await held;
        Assert.True(answer.Body["ok"]!.GetValue<bool>());
    }
}
