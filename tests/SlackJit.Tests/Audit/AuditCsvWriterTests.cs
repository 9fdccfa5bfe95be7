using SlackJit.Access;
using SlackJit.Audit;

namespace SlackJit.Tests.Audit;

public sealed class AuditCsvWriterTests
{
    private static async Task<Dictionary<string, string>> RowAsync(string reason)
    {
        var request = AuditScenario.NewRequest(Guid.NewGuid(), "U0A", new ResourceRef("r", "b", ""), reason, AuditScenario.From);
        var text = new StringWriter();
        var csv = new AuditCsvWriter(text);
        await csv.WriteHeaderAsync(CancellationToken.None);
        await csv.WriteAsync(AuditRecord.From(request), CancellationToken.None);
        return Csv.ByRequest(text.ToString()).Values.Single();
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+SUM(A1)")]
    [InlineData("-2+3")]
    [InlineData("@cmd")]
    [InlineData("\tTAB")]
    [InlineData("\r=CR")]
    public async Task Write_CellStartsLikeAFormula_IsQuotedWithALeadingApostrophe(string reason)
    {
        Assert.Equal("'" + reason, (await RowAsync(reason))["reason"]);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a, b")]
    [InlineData("say \"hi\"")]
    [InlineData("two\nlines")]
    [InlineData("ends with =")]
    public async Task Write_OrdinaryText_RoundTripsUnchanged(string reason)
    {
        Assert.Equal(reason, (await RowAsync(reason))["reason"]);
    }

    [Fact]
    public async Task Write_PendingRequest_EmptyCellsForWhatHasNotHappened()
    {
        var row = await RowAsync("r");

        Assert.Equal(nameof(RequestStatus.Pending), row["status"]);
        Assert.All(new[] { "decided_at", "approvers", "denied_by", "issued_at", "access_key_id", "ended_at", "ended_how" }, c => Assert.Equal("", row[c]));
    }
}
