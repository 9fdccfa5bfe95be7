using System.Net;
using System.Text.Json;
using SlackJit.Slack.Transport;
using SlackJit.Tests.EndToEnd;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>
/// JSON may escape a lone surrogate (<c>"\ud800"</c>) and still be valid JSON; Slack clients can send one when a
/// pasted text holds half an emoji. Reading such a string throws in System.Text.Json, so every reader must treat
/// it as bad input rather than let the exception escape (a 500 on the HTTP endpoint, an unacked Socket Mode envelope).
/// </summary>
public sealed class LoneSurrogateTests
{
    [Theory]
    [InlineData("{\"type\":\"\\udc00\",\"user\":{\"id\":\"U1\"}}")]
    [InlineData("{\"type\":\"block_actions\\ud800\",\"user\":{\"id\":\"U1\"}}")]
    public void Parse_TypeEscapesLoneSurrogate_InvalidNotThrown(string json)
    {
        var parse = SlackInteractionParser.Parse(json);

        Assert.Equal("Payload has no type.", parse.Error);
    }

    [Fact]
    public void Parse_TextWithRawLoneSurrogate_InvalidNotThrown()
    {
        var parse = SlackInteractionParser.Parse("{\"type\":\"block_actions\",\"x\":\"\uD800\"}");

        Assert.Equal("Payload is not valid JSON.", parse.Error);
    }

    [Fact]
    public void Parse_ValueEscapesLoneSurrogate_MalformedNotThrown()
    {
        var parse = SlackInteractionParser.Parse(
            "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[{\"action_id\":\"a\",\"value\":\"\\ud800\"}]}");

        Assert.Equal("Payload of type block_actions is malformed.", parse.Error);
    }

    [Fact]
    public async Task Interactions_TypeEscapesLoneSurrogate_400NotServerError()
    {
        await using var harness = await SlackJitHarness.StartAsync();

        using var response = await harness.Client.SendAsync(harness.Signer.Interaction("{\"type\":\"\\udc00\",\"user\":{\"id\":\"U0GUEST\"}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Payload has no type.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void SlashCommandReader_SocketModeTextEscapesLoneSurrogate_RefusedNotThrown()
    {
        using var document = JsonDocument.Parse("{\"command\":\"/s3-access\",\"user_id\":\"U1\",\"team_id\":\"T1\",\"text\":\"why \\ud83d\"}");

        var read = SlashCommandReader.TryRead(document.RootElement, out var command, out var error);

        Assert.False(read);
        Assert.Null(command);
        Assert.Equal("Payload holds text that is not valid Unicode.", error);
    }

    [Theory]
    [InlineData("{\"type\":\"\\udc00\"}")]
    [InlineData("{\"type\":\"interactive\",\"envelope_id\":\"e\\ud800\",\"payload\":{}}")]
    public void SocketModeMessage_FieldEscapesLoneSurrogate_NotAMessageNotThrown(string json)
    {
        Assert.False(SocketModeMessage.TryParse(System.Text.Encoding.UTF8.GetBytes(json), out var message));
        Assert.Null(message);
    }
}
