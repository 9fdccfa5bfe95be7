using SlackJit.Access;

namespace SlackJit.Tests.Reliability.Hostile;

/// <summary>Every Unicode bidi control is dropped from reasons, the Arabic letter mark included (it reorders text like U+200F).</summary>
public sealed class BidiReasonTests
{
    [Theory]
    [InlineData('\u061C')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u202E')]
    [InlineData('\u2067')]
    public void CleanReason_BidiControl_Dropped(char control)
    {
        Assert.Equal("fix txt.exe now", RequestParser.CleanReason($"fix {control}txt.exe{control} now"));
    }

    [Fact]
    public void TryParse_ReasonWithArabicLetterMark_StoredWithoutIt()
    {
        Assert.True(RequestParser.TryParse("analytics-prod 2h INC-1 \u061Cexe.txt", out var request, out _));

        Assert.Equal("INC-1 exe.txt", request.Reason);
    }
}
