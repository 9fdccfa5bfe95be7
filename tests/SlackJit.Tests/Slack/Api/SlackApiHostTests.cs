using Microsoft.Extensions.DependencyInjection;
using SlackJit.Slack.Api;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Slack.Api;

/// <summary>The real app's wiring (Program → AddSlack → AddSlackApi) against the fake.</summary>
public sealed class SlackApiHostTests
{
    [Fact]
    public async Task Startup_FakeSlack_VerifiesTokenAndResolvesClient()
    {
        await using var harness = await SlackJitHarness.StartAsync(o => o.Settings["Slack:VerifyTokenOnStart"] = "true");

        var api = harness.Services.GetRequiredService<ISlackApi>();
        await api.PostMessageAsync(SlackJitHarness.ApproverChannel, new SlackMessage("hello"), CancellationToken.None);

        Assert.Single(harness.Slack.Calls("auth.test"));
        Assert.Single(harness.Slack.Messages(SlackJitHarness.ApproverChannel));
    }
}
