using System.Text.Json.Nodes;
using SlackJit.Slack.Blocks;

namespace SlackJit.Tests.Slack.Blocks;

public sealed class BlockTests
{
    private static string TextOf(JsonNode? node) => node!["text"]!.GetValue<string>();

    [Fact]
    public void Section_LongTextAndFields_TruncatedToSlackLimits()
    {
        var block = Block.Section(new string('s', 5000), fields: [new string('f', 2500)]);

        Assert.Equal(BlockLimits.SectionText, TextOf(block["text"]).Length);
        Assert.Equal(BlockLimits.FieldText, TextOf(block["fields"]![0]).Length);
        Assert.Equal("mrkdwn", block["text"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Section_ElevenFields_Throws()
    {
        Assert.Throws<ArgumentException>(() => Block.Section(null, fields: Enumerable.Repeat("f", 11)));
    }

    [Fact]
    public void Section_NoTextNorFields_Throws()
    {
        Assert.Throws<ArgumentException>(() => Block.Section(""));
    }

    [Fact]
    public void PlainSection_UserText_IsPlainTextSoNothingIsFormatted()
    {
        var block = Block.PlainSection("*bold* <!channel>\u202E");

        Assert.Equal("plain_text", block["text"]!["type"]!.GetValue<string>());
        Assert.Equal("*bold* <!channel>", TextOf(block["text"]));
    }

    [Fact]
    public void Button_AllOptions_ProducesSlackShape()
    {
        var button = Element.Button(
            "approve", "Approve", "R-1", ButtonStyle.Primary, confirm: new ConfirmDialog("Sure?", "Grants access", Style: ButtonStyle.Danger));

        Assert.Equal("button", button["type"]!.GetValue<string>());
        Assert.Equal("approve", button["action_id"]!.GetValue<string>());
        Assert.Equal("R-1", button["value"]!.GetValue<string>());
        Assert.Equal("primary", button["style"]!.GetValue<string>());
        Assert.Equal("danger", button["confirm"]!["style"]!.GetValue<string>());
        Assert.Equal("Sure?", TextOf(button["confirm"]!["title"]));
    }

    [Fact]
    public void Button_DefaultStyle_OmitsStyle()
    {
        Assert.False(Element.Button("a", "A").ContainsKey("style"));
    }

    [Fact]
    public void Button_LongTexts_Truncated()
    {
        var button = Element.Button("a", new string('t', 200), confirm: new ConfirmDialog(new string('T', 200), new string('x', 500)));

        Assert.Equal(BlockLimits.ButtonText, TextOf(button["text"]).Length);
        Assert.Equal(BlockLimits.ConfirmTitle, TextOf(button["confirm"]!["title"]).Length);
        Assert.Equal(BlockLimits.ConfirmText, TextOf(button["confirm"]!["text"]).Length);
    }

    [Fact]
    public void Button_ValueOverLimit_ThrowsBecauseACutValueWouldDecodeWrongly()
    {
        Assert.Throws<ArgumentException>(() => Element.Button("a", "A", new string('v', BlockLimits.ButtonValue + 1)));
    }

    [Fact]
    public void Button_UrlOverLimitOrNotHttp_Throws()
    {
        Assert.Throws<ArgumentException>(() => Element.Button("a", "A", url: new Uri("https://x.example/" + new string('p', 3000))));
        Assert.Throws<ArgumentException>(() => Element.Button("a", "A", url: new Uri("javascript:alert(1)")));
    }

    [Fact]
    public void Ids_OverLimit_Throw()
    {
        var longId = new string('i', BlockLimits.Id + 1);
        Assert.Throws<ArgumentException>(() => Element.Button(longId, "A"));
        Assert.Throws<ArgumentException>(() => Block.Header("h", blockId: longId));
        Assert.Throws<ArgumentException>(() => Block.Input(longId, "label", Element.PlainTextInput("a")));
    }

    [Fact]
    public void StaticSelect_Options_ShapedAndLimited()
    {
        var select = Element.StaticSelect("bucket", [new SelectOption("Analytics", "analytics")], "Pick", new SelectOption("Analytics", "analytics"));

        Assert.Equal("analytics", select["options"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("analytics", select["initial_option"]!["value"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => Element.StaticSelect("b", Enumerable.Range(0, 101).Select(i => new SelectOption($"{i}", $"{i}"))));
    }

    [Fact]
    public void Context_And_Actions_ElementCountsChecked()
    {
        Assert.Throws<ArgumentException>(() => Block.Context(Enumerable.Repeat("c", 11)));
        Assert.Throws<ArgumentException>(() => Block.Actions(null, Enumerable.Range(0, 26).Select(i => Element.Button($"b{i}", "B"))));
        Assert.Equal(2, Block.Context("a", "b")["elements"]!.AsArray().Count);
    }

    [Fact]
    public void BlockList_FiftyFirstBlock_Throws()
    {
        var list = BlockList.ForMessage();
        for (var i = 0; i < BlockLimits.MessageBlocks; i++)
        {
            list.Add(Block.Divider());
        }

        Assert.Throws<InvalidOperationException>(() => list.Add(Block.Divider()));
    }

    [Fact]
    public void BlockList_ToJsonArray_CanBeCalledTwice()
    {
        var list = new BlockList { Block.Header("h") };

        var first = list.ToJsonArray();
        var second = list.ToJsonArray();
        var holder = new JsonObject { ["a"] = first, ["b"] = second };

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(2, holder.Count);
    }

    [Fact]
    public void BlockList_MoveToJsonArray_TheSameBlocksUncopiedAndTheListEmptied()
    {
        var header = Block.Header("h");
        var divider = Block.Divider();
        var list = new BlockList { header, divider };

        var moved = list.MoveToJsonArray();

        Assert.Same(header, moved[0]);
        Assert.Same(divider, moved[1]);
        Assert.Equal(0, list.Count);
        Assert.Equal("""[{"type":"header","text":{"type":"plain_text","text":"h","emoji":true}},{"type":"divider"}]""", moved.ToJsonString());
    }

    [Fact]
    public void Modal_LongTitles_TruncatedTo24()
    {
        var modal = Modal.Build("cb", "Request access to an S3 bucket", BlockList.ForModal(), "Submit the request right now", "Cancel and close this window");

        Assert.Equal(24, TextOf(modal["title"]).Length);
        Assert.Equal(24, TextOf(modal["submit"]).Length);
        Assert.Equal(24, TextOf(modal["close"]).Length);
    }

    [Fact]
    public void Modal_PrivateMetadataOverLimit_Throws()
    {
        Assert.Throws<ArgumentException>(() => Modal.Build("cb", "t", BlockList.ForModal(), privateMetadata: new string('m', 3001)));
    }

    [Fact]
    public void BlockList_ForModal_HundredFirstBlockThrows()
    {
        var list = BlockList.ForModal();
        for (var i = 0; i < BlockLimits.ModalBlocks; i++)
        {
            list.Add(Block.Divider());
        }

        Assert.Throws<InvalidOperationException>(() => list.Add(Block.Divider()));
    }
}
