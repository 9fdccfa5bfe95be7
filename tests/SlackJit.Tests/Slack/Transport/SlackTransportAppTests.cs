using System.Net;
using SlackJit.Slack.Transport;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Slack.Transport;

/// <summary>The real app's wiring: the transport is mapped by <c>MapSlack</c> and guarded the same way.</summary>
public sealed class SlackTransportAppTests
{
    [Fact]
    public async Task Commands_SignedUnknownCommand_200UnknownAction()
    {
        await using var harness = await SlackJitHarness.StartAsync();

        using var response = await harness.Client.SendAsync(harness.Signer.Command("/slackjit-transport-probe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SlackDispatcher.UnknownAction, (string?)(await SlackJitHarness.BodyAsync(response))["text"]);
        // Nothing reached Slack: an unknown command is answered in the HTTP response alone.
        Assert.Empty(harness.Slack.Calls());
    }

    [Fact]
    public async Task Interactions_SignedWithOtherSecret_401()
    {
        await using var harness = await SlackJitHarness.StartAsync();

        using var response = await harness.Client.SendAsync(new SlackRequestSigner("not-the-secret", harness.Time).Interaction(SlackRequestSigner.BlockActions("x")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(harness.Slack.Calls());
    }
}
