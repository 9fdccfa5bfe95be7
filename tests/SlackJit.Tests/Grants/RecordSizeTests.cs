using System.Diagnostics;
using SlackJit.Access;
using SlackJit.Cards;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Races;
using SlackJit.Tests.Storage;
using SlackJit.Tests.Storage.DynamoDb;
using Xunit.Abstractions;

namespace SlackJit.Tests.Grants;

/// <summary>
/// One request driven through what could grow it without bound, on DynamoDB (dynalite, the real wire protocol) and
/// on SQLite: 10,000 refused clicks through the signed interaction endpoint and 1,000 failed DM clean-ups through the
/// sweeper, with the fake Slack refusing every edit and delete and the clock moved past each back-off. The stored
/// record, measured as stored (DynamoDB's raw item; SQLite's row), stays under 50 KB (DynamoDB refuses to write an
/// item over 400 KB).
/// </summary>
public sealed class RecordSizeTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>
{
    public const int RefusedClicks = 10_000;
    public const int FailedCleanups = 1_000;
    public const int MaxItemBytes = 50_000;

    private static readonly string[] Clickers = [SlackJitHarness.Outsider, SlackJitHarness.Guest, "U0LATECOMER"];

    public static TheoryData<StoreKind> Stores => new() { StoreKind.DynamoDb, StoreKind.Sqlite };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Record_TenThousandRefusedClicksAndAThousandFailedCleanups_StaysUnder50KB(StoreKind store)
    {
        string? table = null;
        await using var app = await GrantApp.StartAsync(o =>
        {
            o.UseStore(store, dynalite);
            table = o.Settings.GetValueOrDefault("Store:DynamoDb:TableName");
        });
        app.Slack.AddUser("U0LATECOMER");
        var active = await app.CreateActiveAsync(TimeSpan.FromHours(1));
        var clock = Stopwatch.StartNew();

        // Refused clicks, as Slack sends them: signed block_actions on the card, from three people who may not decide.
        for (var i = 0; i < RefusedClicks; i++)
        {
            using var response = await app.Harness.ClickAsync(
                CardKeys.ApproveAction, active.Id.ToString(), Clickers[i % Clickers.Length], SlackJitHarness.ApproverChannel, GrantApp.CardTs);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        var clicks = clock.Elapsed;

        // The window ends; Slack refuses every edit and every delete of the DM, and each back-off is waited out.
        app.Harness.Time.Advance(TimeSpan.FromHours(1));
        app.Slack.FailEdits("fatal_error", FailedCleanups).FailDeletes("cant_delete_message", FailedCleanups);
        for (var i = 0; i < FailedCleanups; i++)
        {
            Assert.Equal(1, await app.SweepAsync());
            var due = (await app.GetAsync(active.Id)).DueAt!.Value;
            app.Harness.Time.Advance(due - app.Harness.Time.GetUtcNow());
        }
        var cleanups = clock.Elapsed - clicks;

        var size = store == StoreKind.DynamoDb ? await DynamoDbSizeAsync(table!, active.Id) : await SqliteSizeAsync(app, active.Id);
        var stored = await app.GetAsync(active.Id);
        output.WriteLine($"{store}: {RefusedClicks} signed refused clicks in {clicks.TotalSeconds:F1} s, {FailedCleanups} failed clean-ups in {cleanups.TotalSeconds:F1} s; item {size:N0} bytes, {stored.Events.Count} audit events, version {stored.Version}.");
        Assert.True(size < MaxItemBytes, $"{size} bytes");
        Assert.Equal(RefusedClicks, stored.RefusedClicks.Values.Sum());
        Assert.Equal(Clickers.Length, stored.Events.Count(e => e.Action == AuditActions.ApproveRefused));
        // Expired at the window's end, its own event saying the DM clean-up is failing; later failures only count.
        Assert.Equal((RequestStatus.Expired, DmCleanupState.Failing, FailedCleanups), (stored.Status, stored.DmCleanup!.State, stored.DmCleanup.FailedAttempts));
        Assert.StartsWith("DM clean-up failing: ", Assert.Single(stored.Events, e => e.Action == AuditActions.Expired).Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Events, e => e.Action == AuditActions.DmCleanupFailed);
        Assert.Equal(FailedCleanups, app.Slack.Calls("chat.delete").Count + LifecycleDeletesSkipped);
        Assert.Contains(app.Harness.Sts.Issued[^1].SecretAccessKey, app.Dm().AllText, StringComparison.Ordinal);
    }

    private async Task<int> DynamoDbSizeAsync(string table, Guid id)
    {
        using var client = dynalite.CreateClient();
        return DynamoDbItemSize.Of(await DynamoDbItemSize.ReadAsync(client, table, id, GrantApp.Ct));
    }

    // The row's stored bytes: the document and the audit trail (UTF-8 text) and the indexed columns.
    private static async Task<int> SqliteSizeAsync(GrantApp app, Guid id)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(app.Harness.DataDir, "slackjit.db"),
            Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT length(CAST(doc AS BLOB)) + length(CAST(events AS BLOB)) + length(id) + length(status) + length(requester_key) + 32
            FROM access_requests WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("no row"), System.Globalization.CultureInfo.InvariantCulture);
    }

    // The first two attempts only edit (Lifecycle:DmCleanupEditsBeforeDelete is 3); every later one edits, then deletes.
    private const int LifecycleDeletesSkipped = SlackJit.Lifecycle.LifecycleOptions.DefaultDmCleanupEditsBeforeDelete - 1;
}
