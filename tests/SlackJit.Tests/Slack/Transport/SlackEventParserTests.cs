using System.Text.Json;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SlackEventParserTests
{
    private static SlackEventParse Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SlackEventParser.Parse(document.RootElement.Clone());
    }

    [Fact]
    public void Parse_AppHomeOpened_ReadsTheEnvelopeAndTheEvent()
    {
        var parse = Parse("""
            {"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1,
             "event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","event_ts":"1.2","view":{"id":"V1"}}}
            """);

        Assert.Equal(new SlackEvent("app_home_opened", "U1", "home", "T1", "A1", "Ev1"), parse.Event);
        Assert.Null(parse.Error);
    }

    [Fact]
    public void Parse_UrlVerification_ReturnsTheChallenge()
    {
        Assert.Equal("abc", Parse("""{"type":"url_verification","challenge":"abc","token":"t"}""").Challenge);
    }

    [Theory]
    [InlineData("""{"type":"url_verification","challenge":""}""")]
    [InlineData("""{"type":"url_verification","challenge":5}""")]
    [InlineData("""{"type":"event_callback","event":"app_home_opened"}""")]
    [InlineData("""{"type":"event_callback","event":{"user":"U1"}}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""["event_callback"]""")]
    [InlineData("""{"type":"event_callback","event":{"type":"\ud800"}}""")]
    public void Parse_Malformed_Invalid(string json)
    {
        var parse = Parse(json);

        Assert.NotNull(parse.Error);
        Assert.Null(parse.Event);
    }

    [Fact]
    public void Parse_ChallengeLongerThanSlacks_Invalid()
    {
        Assert.NotNull(Parse($$"""{"type":"url_verification","challenge":"{{new string('a', SlackEventParser.MaxChallengeLength + 1)}}"}""").Error);
    }

    [Fact]
    public void Parse_OtherOuterType_UnknownNotInvalid()
    {
        var parse = Parse("""{"type":"app_rate_limited","minute_rate_limited":1}""");

        Assert.Equal("app_rate_limited", parse.UnknownType);
        Assert.Null(parse.Error);
    }
}
