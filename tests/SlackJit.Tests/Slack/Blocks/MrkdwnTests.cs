using FsCheck.Xunit;
using SlackJit.Slack.Blocks;

namespace SlackJit.Tests.Slack.Blocks;

public sealed class MrkdwnTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here|here>", "&lt;!here|here&gt;")]
    [InlineData("<@U123>", "&lt;@U123&gt;")]
    [InlineData("<#C123|general>", "&lt;#C123|general&gt;")]
    [InlineData("<!subteam^S123>", "&lt;!subteam^S123&gt;")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("plain words", "plain words")]
    public void Escape_HostileInput_NeutralisesMentionsAndLinks(string input, string expected)
    {
        Assert.Equal(expected, Mrkdwn.Escape(input));
    }

    [Fact]
    public void Escape_Formatting_IsKeptBecauseSlackCannotEscapeIt()
    {
        // Documented limit: text that must not be formatted goes in plain_text (Block.PlainSection, TextObject.Plain).
        Assert.Equal("*bold* _it_", Mrkdwn.Escape("*bold* _it_"));
    }

    [Fact]
    public void Escape_BidiOverridesAndControlCharacters_AreRemoved()
    {
        var input = "ok\u202Egnp.exe\u2066x\u2069\u200F\u0000\u0007\u001B[31m\r\nnext\tcol";

        Assert.Equal("okgnp.exex[31m\nnext\tcol", Mrkdwn.Escape(input));
    }

    [Fact]
    public void Escape_LoneSurrogate_IsRemovedButPairsKept()
    {
        Assert.Equal("a😀b", Mrkdwn.Escape("a\uD83D😀\uDE00b"));
    }

    [Fact]
    public void Escape_Null_IsEmpty()
    {
        Assert.Equal("", Mrkdwn.Escape(null));
    }

    [Fact]
    public void Truncate_TenThousandCharacters_EndsWithEllipsisAtLimit()
    {
        var result = Mrkdwn.Escape(new string('x', 10_000), 3000);

        Assert.Equal(3000, result.Length);
        Assert.EndsWith("…", result);
    }

    [Fact]
    public void Truncate_ShortText_IsUnchanged()
    {
        Assert.Equal("short", Mrkdwn.Truncate("short", 5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Truncate_CutFallsInsideEntity_CutsBeforeIt(int offset)
    {
        var text = new string('a', 10) + "&amp;" + new string('b', 10);

        var result = Mrkdwn.Truncate(text, 10 + offset);

        Assert.True(result == new string('a', 10) + "…" || result == new string('a', 10) + "&amp;…", result);
        Assert.True(result.Length <= 10 + offset);
    }

    [Fact]
    public void Truncate_CutFallsInsideMention_CutsBeforeIt()
    {
        var text = "Requested by <@U0123ABCD> for analytics";

        var result = Mrkdwn.Truncate(text, 20);

        Assert.Equal("Requested by …", result);
    }

    [Fact]
    public void Truncate_CutFallsInsideSurrogatePair_KeepsPairWhole()
    {
        var result = Mrkdwn.Truncate("ab😀cd", 4);

        Assert.Equal("ab…", result);
    }

    [Fact]
    public void User_NotAnId_IsEscapedText()
    {
        Assert.Equal("<@U0123ABCD>", Mrkdwn.User("U0123ABCD"));
        Assert.Equal("&lt;!channel&gt;", Mrkdwn.User("<!channel>"));
    }

    [Fact]
    public void Link_LabelAndUrl_AreEscaped()
    {
        var link = Mrkdwn.Link(new Uri("https://console.example/s3?a=1&b=2"), "open <now>");

        Assert.Equal("<https://console.example/s3?a=1&amp;b=2|open &lt;now&gt;>", link);
    }

    [Fact]
    public void Link_NonHttpScheme_IsOnlyTheLabel()
    {
        Assert.Equal("x", Mrkdwn.Link(new Uri("javascript:alert(1)"), "x"));
    }

    [Property(MaxTest = 500)]
    public bool Escape_AnyText_HasNoRawAngleBracketsOrBidiControls(string? text)
    {
        var escaped = Mrkdwn.Escape(text);
        return !escaped.Contains('<') && !escaped.Contains('>')
            && !escaped.Any(c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' || (char.IsControl(c) && c is not '\n' and not '\t'));
    }

    [Property(MaxTest = 500)]
    public bool EscapeThenTruncate_AnyText_FitsAndNeverEndsInsideAnEntity(string? text, byte size)
    {
        var max = (size % 60) + 1;
        var result = Mrkdwn.Escape(text, max);
        var amp = result.LastIndexOf('&');
        var entityWhole = amp < 0 || result.IndexOf(';', amp) > amp;
        return result.Length <= max && entityWhole;
    }
}
