using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Tests.Reliability.Races;
using static SlackJit.Tests.Access.AccessRequestBuilder;

namespace SlackJit.Tests.Cards;

/// <summary>The card's note while an ended grant's DM may still show its credentials.</summary>
public sealed class ApprovalCardDmCleanupTests
{
    private static readonly DateTimeOffset Now = ApprovedAt + TimeSpan.FromHours(3);

    [Fact]
    public void Build_DmCleanupFailing_ShowsTheNoteWithAReferenceAsPlainText()
    {
        var request = In(RequestStatus.Active).Build() with
        {
            DmCleanup = new DmCleanup(DmCleanupState.Failing, 4, "chat.update: cant_update_message, chat.delete: cant_delete_message", Now),
        };

        var blocks = ApprovalCard.Build(request, null, Now).Blocks!;

        var note = blocks.Select(b => b!["text"]).Single(t => t?["text"]?.GetValue<string>().Contains("DM clean-up failing", StringComparison.Ordinal) == true)!;
        Assert.Equal("plain_text", note["type"]!.GetValue<string>());
        Assert.Equal(
            $"⚠️ DM clean-up failing — secrets may still be visible in the requester's DM; ref {request.ShortId}/cant_delete_message (details are in SlackJit's log).",
            note["text"]!.GetValue<string>());
    }

    [Fact]
    public void Build_ErrorCodeWithMarkup_OnlySafeCharactersReachTheCard()
    {
        var request = In(RequestStatus.Active).Build() with
        {
            DmCleanup = new DmCleanup(DmCleanupState.Failing, 1, "chat.update: <!channel>*boom*", Now),
        };

        var text = RaceFlow.AllText(ApprovalCard.Build(request, null, Now).Blocks);

        Assert.Contains($"ref {request.ShortId}/channelboom ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DmCleanupState.Edited)]
    [InlineData(DmCleanupState.Deleted)]
    [InlineData(DmCleanupState.Missing)]
    public void Build_DmCleaned_NoNote(DmCleanupState state)
    {
        var request = In(RequestStatus.Expired).Build() with { DmCleanup = new DmCleanup(state, 3, "chat.update: fatal_error", Now) };

        Assert.DoesNotContain("DM clean-up failing", RaceFlow.AllText(ApprovalCard.Build(request, null, Now).Blocks), StringComparison.Ordinal);
    }
}
