using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackJit.Slack.Blocks;

namespace SlackJit.Tests.Slack.Blocks;

/// <summary>The blocks written straight to JSON are byte for byte the JSON of the node builders they stand for.</summary>
public sealed class BlockJsonTests
{
    public static TheoryData<string> Texts => new()
    {
        "plain",
        "*bold* `code` <#C0CHANNEL> <@U0USER> &lt;escaped&gt;",
        "quotes \" and ' and \\ and <b>&amp;</b>\nline two\ttab",
        "ünïcode ✓ — 日本語 :inbox_tray: 👍🏽",
        new string('x', BlockLimits.SectionText + 50),
        new string('é', BlockLimits.SectionText) + "👍",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Section_AnyText_SameJsonAsBlockSection(string text)
    {
        Assert.Equal(Render(Block.Section(text)), Written(w => BlockJson.Section(w, text)));
        Assert.Equal(Render(Block.Section(text, blockId: "the-block")), Written(w => BlockJson.Section(w, text, "the-block")));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Actions_ButtonsOfEveryShape_SameJsonAsBlockActions(string text)
    {
        var confirm = new ConfirmDialog(text, text, text, text);
        var dangerous = new ConfirmDialog("Sure?", "Really.", Style: ButtonStyle.Danger);
        ButtonJson[] buttons =
        [
            new("a.plain", text),
            new("a.value", "Value", "0193a6f0-5b1c-7cc1-8a2e-7c1b7b1f0001"),
            new("a.primary", "Primary", "v", ButtonStyle.Primary),
            new("a.danger", "Danger", null, ButtonStyle.Danger, dangerous),
            new("a.confirm", "Confirm", "v", Confirm: confirm),
        ];
        JsonObject[] Nodes() => [.. buttons.Select(b => Element.Button(b.ActionId, b.Text, b.Value, b.Style, confirm: b.Confirm))];

        Assert.Equal(Render(Block.Actions("row", Nodes())), Written(w => BlockJson.Actions(w, "row", buttons)));
        Assert.Equal(Render(Block.Actions(null, Nodes()[0])), Written(w => BlockJson.Actions(w, null, buttons[0])));
    }

    [Fact]
    public void Actions_NoButtonOrTooMany_ThrowsAsBlockActions()
    {
        Assert.Throws<ArgumentException>(() => Written(w => BlockJson.Actions(w, "row")));
        var many = Enumerable.Range(0, BlockLimits.ActionsElements + 1).Select(i => new ButtonJson($"a{i}", "b")).ToArray();
        Assert.Throws<ArgumentException>(() => Written(w => BlockJson.Actions(w, "row", many)));
    }

    [Fact]
    public void Ids_TooLongOrEmpty_ThrowAsTheNodeBuilders()
    {
        var longId = new string('i', BlockLimits.Id + 1);
        Assert.Throws<ArgumentException>(() => Element.Button(longId, "b"));
        Assert.Throws<ArgumentException>(() => Written(w => BlockJson.Actions(w, null, new ButtonJson(longId, "b"))));
        Assert.Throws<ArgumentException>(() => Written(w => BlockJson.Actions(w, longId, new ButtonJson("a", "b"))));
        Assert.Throws<ArgumentException>(() => Written(w => BlockJson.Actions(w, null, new ButtonJson("a", "b", new string('v', BlockLimits.ButtonValue + 1)))));
        Assert.Throws<ArgumentException>(() => Written(w => BlockJson.Section(w, "")));
        Assert.Throws<ArgumentException>(() => Block.Section(""));
    }

    // Both rendered through a writer with default options, as the answers are (SlackResponseJson).
    private static string Render(JsonNode node) => Written(w => node.WriteTo(w));

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
