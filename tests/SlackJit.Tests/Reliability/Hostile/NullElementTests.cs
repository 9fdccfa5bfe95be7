using System.Net;
using SlackJit.Slack.Transport;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>JSON <c>null</c> where Slack puts an object (an action, an input's state) is bad input, not a crash.</summary>
public sealed class NullElementTests
{
    private const string NullAction =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0GUEST\"},\"actions\":[null,{\"action_id\":\"requests.approve\",\"value\":\"x\"}]}";

    [Fact]
    public void Parse_NullAction_Invalid()
    {
        var parse = SlackInteractionParser.Parse(NullAction);

        Assert.Equal("Payload of type block_actions lacks required fields.", parse.Error);
    }

    [Fact]
    public async Task Interactions_NullAction_400NotServerError()
    {
        await using var harness = await SlackJitHarness.StartAsync();

        using var response = await harness.Client.SendAsync(harness.Signer.Interaction(NullAction));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
