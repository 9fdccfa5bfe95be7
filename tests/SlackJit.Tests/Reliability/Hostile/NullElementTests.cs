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

    [Theory]
    [InlineData("{\"resource\":null}")]
    [InlineData("{\"resource\":{\"value\":null}}")]
    public async Task NewRequestForm_NullInputState_InlineErrorNotSomethingWentWrong(string values)
    {
        await using var harness = await SlackJitHarness.StartAsync();
        var payload = "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0REQUESTER\"},\"team\":{\"id\":\"T0TEAM\"},"
            + "\"view\":{\"id\":\"V1\",\"callback_id\":\"requests.new\",\"state\":{\"values\":" + values + "}}}";

        using var response = await harness.Client.SendAsync(harness.Signer.Interaction(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SlackJitHarness.BodyAsync(response);
        Assert.Equal("errors", (string?)body["response_action"]);
        Assert.Equal("Choose one of the listed buckets.", (string?)body["errors"]!["resource"]);
    }
}
