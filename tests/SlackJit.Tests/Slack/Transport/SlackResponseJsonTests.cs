using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackJit.Slack.Blocks;
using SlackJit.Slack.Transport;

namespace SlackJit.Tests.Slack.Transport;

public sealed class SlackResponseJsonTests
{
    [Fact]
    public void Render_EmptyResponse_IsEmptyBody()
    {
        Assert.True(SlackResponseJson.Render(SlackResponse.Empty).IsEmpty);
        Assert.True(SlackResponseJson.Render(ViewSubmissionResponse.Close).IsEmpty);
        Assert.True(SlackResponseJson.Render(ViewSubmissionResponse.WithErrors(new Dictionary<string, string>())).IsEmpty);
    }

    [Fact]
    public void Render_Ephemeral_HasTypeAndEscapedText()
    {
        var body = SlackResponseJson.Render(SlackResponse.Ephemeral("a \"quoted\" <b>"));

        var json = JsonNode.Parse(body.Json!)!;
        Assert.Equal("ephemeral", (string?)json["response_type"]);
        Assert.Equal("a \"quoted\" <b>", (string?)json["text"]);
        Assert.Null(json["blocks"]);
    }

    [Fact]
    public void Render_MrkdwnMarkup_GoesOutAsWrittenAndReadsBackTheSame()
    {
        const string text = "<@U1> asks for `bucket/prefix` in <#C1> & 'why' \"quoted\" back\\slash\nnext\u0001 é :inbox_tray:";

        var body = SlackResponseJson.Render(SlackResponse.Ephemeral(text));

        var raw = body.Json!;
        // Mentions and code spans are written as they are (Slack reads JSON, no web page ever holds it)...
        Assert.Contains("<@U1> asks for `bucket/prefix` in <#C1> & 'why'", raw, StringComparison.Ordinal);
        // ...while what JSON itself needs escaped still is.
        Assert.Contains("\\\"quoted\\\"", raw, StringComparison.Ordinal);
        Assert.Contains("back\\\\slash\\nnext\\u0001", raw, StringComparison.Ordinal);
        Assert.Equal(text, (string?)JsonNode.Parse(body.Json!)!["text"]);
    }

    [Fact]
    public void Render_Fixed_IsTheSameJsonAsEphemeralRenderedOnce()
    {
        const string text = "*Request access:* `/s3-access &lt;bucket&gt;` \"quoted\"\n<#C1>";
        var help = SlackResponse.Fixed(text);

        var first = SlackResponseJson.Render(help);
        var second = SlackResponseJson.Render(help);

        Assert.Equal(SlackResponseJson.Render(SlackResponse.Ephemeral(text)).Json, first.Json);
        // Answering again reuses the bytes rendered when the answer was made.
        Assert.Same(first.Utf8, second.Utf8);
    }

    [Fact]
    public void Render_CopyOfAFixedAnswerWithAnotherText_IsRenderedAfresh()
    {
        var help = SlackResponse.Fixed("the help");

        var changed = help with { Text = "another text" };

        Assert.Equal("another text", (string?)JsonNode.Parse(SlackResponseJson.Render(changed).Json!)!["text"]);
        Assert.Equal("the help", (string?)JsonNode.Parse(SlackResponseJson.Render(help).Json!)!["text"]);
    }

    [Fact]
    public void With_CopiesEveryPropertyButTheRenderedJson()
    {
        // The record's copy constructor is written out (it leaves the rendered JSON behind): a property added to the
        // record and not copied there would come back at its default here.
        var original = SlackResponse.InChannel("text", [new JsonObject { ["type"] = "divider" }]) with { BlocksJson = new AckLikeBlocks() };

        var copy = original with { };

        // Every public property non-default on the original, and the same on the copy (the nodes are the same objects).
        foreach (var property in typeof(SlackResponse).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public))
        {
            Assert.Equal(property.GetValue(original), property.GetValue(copy));
        }
        Assert.NotEqual(default, original.ResponseType);
        // The rendered JSON stays with the answer it was rendered for.
        Assert.NotNull(SlackResponse.Fixed("help").Rendered);
        Assert.Null((SlackResponse.Fixed("help") with { }).Rendered);
    }

    private sealed class AckLikeBlocks : IBlocksJson
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
    }

    [Fact]
    public void Render_InChannelWithBlocks_IncludesBlocks()
    {
        var blocks = new JsonArray { new JsonObject { ["type"] = "divider" } };

        var json = JsonNode.Parse(SlackResponseJson.Render(SlackResponse.InChannel("fallback", blocks)).Json!)!;

        Assert.Equal("in_channel", (string?)json["response_type"]);
        Assert.Equal("divider", (string?)json["blocks"]![0]!["type"]);
    }

    [Fact]
    public void Render_ViewErrors_MapsBlockIdsToMessages()
    {
        var response = ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { ["reason"] = "Say why." });

        var json = JsonNode.Parse(SlackResponseJson.Render(response).Json!)!;

        Assert.Equal("errors", (string?)json["response_action"]);
        Assert.Equal("Say why.", (string?)json["errors"]!["reason"]);
    }

    [Fact]
    public void Render_ViewUpdate_CarriesView()
    {
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "next" };

        var json = JsonNode.Parse(SlackResponseJson.Render(ViewSubmissionResponse.Update(view)).Json!)!;

        Assert.Equal("update", (string?)json["response_action"]);
        Assert.Equal("next", (string?)json["view"]!["callback_id"]);
    }

    [Fact]
    public void Render_BlocksThatWriteThemselves_SameBodyAsTheirNodesInUtf8()
    {
        var nodes = new JsonArray { Block.Section("*ready* ünïcode <b>") };

        var written = SlackResponseJson.Render(SlackResponse.Ephemeral("fallback", new SectionOnly("*ready* ünïcode <b>")));

        var expected = SlackResponseJson.Render(SlackResponse.Ephemeral("fallback", nodes));
        Assert.Equal(expected.Json, written.Json);
        Assert.Equal(Encoding.UTF8.GetBytes(written.Json!), written.Utf8);
        Assert.False(written.IsEmpty);
    }

    private sealed class SectionOnly(string text) : IBlocksJson
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            BlockJson.Section(writer, text);
            writer.WriteEndArray();
        }
    }
}
