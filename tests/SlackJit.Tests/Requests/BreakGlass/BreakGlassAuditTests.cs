using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using SlackJit.Access;
using SlackJit.Audit;
using SlackJit.Tests.Audit;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using static SlackJit.Tests.EndToEnd.SlackJitHarness;

namespace SlackJit.Tests.Requests.BreakGlass;

/// <summary>
/// <c>audit export</c> and <c>audit report</c> over grants made through the endpoints, on both stores: every
/// break-glass grant is marked (<c>break_glass</c>, who acknowledged it, when it went overdue) and counted.
/// </summary>
public sealed class BreakGlassAuditTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    public static TheoryData<StoreKind> Stores => new() { StoreKind.Sqlite, StoreKind.DynamoDb };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ExportAndReport_BreakGlassGrants_MarkedAndCountedWithTheUnacknowledged(StoreKind store)
    {
        await using var harness = await BreakGlassFlow.StartAsync(store, dynalite);
        var acknowledged = await harness.BreakGlassAsync();
        await harness.AcknowledgeAsync(acknowledged, Approver);
        await harness.WaitForRequestAsync(acknowledged.Id, r => r.BreakGlass!.AcknowledgedBy is not null, "the acknowledgement");
        var unacknowledged = await harness.BreakGlassAsync("analytics-prod/reports 15m --break-glass INC-4212 second outage");
        var ordinary = await harness.RequestWithCardAsync("analytics-prod/reports 2h INC-1 investigating");
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.SweepAsync();
        var table = store == StoreKind.DynamoDb ? TableFromStore(harness) : null;

        var csv = Csv.Parse(await RunAsync(harness, store, table, "export", "--format", "csv"));
        var json = JsonDocument.Parse(await RunAsync(harness, store, table, "export", "--format", "json")).RootElement;
        var report = await RunAsync(harness, store, table, "report");

        var header = csv[0].ToList();
        string Cell(AccessRequest r, string column) => csv.Single(row => row[0] == r.Id.ToString("D"))[header.IndexOf(column)];
        Assert.Equal(("true", Approver), (Cell(acknowledged, "break_glass"), Cell(acknowledged, "acknowledged_by")));
        Assert.Equal(("true", "", "2026-03-02T10:00:00.000Z"), (Cell(unacknowledged, "break_glass"), Cell(unacknowledged, "acknowledged_by"), Cell(unacknowledged, "review_overdue_at")));
        Assert.Equal("false", Cell(ordinary, "break_glass"));
        var item = json.EnumerateArray().Single(e => e.GetProperty("request_id").GetString() == acknowledged.Id.ToString("D"));
        Assert.True(item.GetProperty("break_glass").GetBoolean());
        Assert.Equal(Approver, item.GetProperty("acknowledged_by").GetString());
        Assert.Contains(item.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "break-glass");
        Assert.False(json.EnumerateArray().Single(e => e.GetProperty("request_id").GetString() == ordinary.Id.ToString("D")).GetProperty("break_glass").GetBoolean());

        // requests | approved | denied | timed out | cancelled | failed | issued | revoked | break-glass | unacknowledged
        Assert.Contains("| analytics | 3 | 0 | 0 | 1 | 0 | 0 | 2 | 0 | 2 | 1 |", report, StringComparison.Ordinal);
        Assert.Contains("Break-glass: 2 issued without approval, 1 not acknowledged by an approver.", report, StringComparison.Ordinal);
        Assert.Contains($"| {unacknowledged.ShortId} | {Requester} | analytics-prod/reports | ", report, StringComparison.Ordinal);
        Assert.Contains("| **not acknowledged** |", report, StringComparison.Ordinal);
    }

    private Task<string> RunAsync(SlackJitHarness harness, StoreKind store, string? table, params string[] args) =>
        RunCoreAsync(store == StoreKind.DynamoDb
            ? new() { ["Store:Provider"] = "DynamoDb", ["Store:DynamoDb:TableName"] = table }
            : new() { ["Store:Provider"] = "Sqlite", ["Store:Sqlite:Path"] = Path.Combine(harness.DataDir, "slackjit.db") },
            store == StoreKind.DynamoDb ? s => s.AddSingleton<IAmazonDynamoDB>(_ => dynalite.CreateClient()) : null,
            [args[0], "--from", "2026-03-01", "--to", "2026-03-02", .. args[1..]]);

    private static async Task<string> RunCoreAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure, string[] args)
    {
        using var output = new MemoryStream();
        var error = new StringWriter();
        var code = await AuditCommandLine.RunAsync(["audit", .. args], output, error, configure, settings, CancellationToken.None);
        Assert.True(code == 0, error.ToString());
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string TableFromStore(SlackJitHarness harness) =>
        harness.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Store:DynamoDb:TableName"]!;
}
