using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Storage;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Tests.Storage.Sqlite;

/// <summary>The store contract against SQLite in a temp file, plus SQLite-only checks.</summary>
public sealed partial class SqliteAccessRequestStoreTests : AccessRequestStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "slackjit-tests", Guid.NewGuid().ToString("N"));

    // A folder that does not exist yet: the store creates it.
    private string DatabasePath => Path.Combine(_folder, "nested", "store.db");

    protected override async Task<IAccessRequestStore> CreateStoreAsync()
    {
        var store = new SqliteAccessRequestStore(DatabasePath, NullLogger<SqliteAccessRequestStore>.Instance);
        await store.InitializeAsync(Ct);
        return store;
    }

    protected override Task DisposeStoreAsync(IAccessRequestStore store)
    {
        ((IDisposable)store).Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task InitializeAsync_PathInMissingFolder_CreatesFolderAndWalDatabase()
    {
        Assert.True(File.Exists(DatabasePath));
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Theory]
    [InlineData(nameof(SqliteSql.SelectById))]
    [InlineData(nameof(SqliteSql.SelectDue))]
    [InlineData(nameof(SqliteSql.SelectByRequester))]
    [InlineData(nameof(SqliteSql.CountCaps))]
    [InlineData(nameof(SqliteSql.Transition))]
    public async Task QueryPlan_StoreStatement_UsesAnIndexAndNoSort(string statement)
    {
        // Column 3 of a query plan's rows is the step's description.
        var plan = await ExplainAsync("EXPLAIN QUERY PLAN ", statement, column: 3);

        Assert.NotEmpty(plan);
        // "SCAN CONSTANT ROW" is a SELECT of subqueries without a table of its own, not a table scan.
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && step != "SCAN CONSTANT ROW");
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    // A create runs these on every request (the ack path): no temporary table may be built for them either, e.g. for an
    // IN list, which EXPLAIN QUERY PLAN does not show but the program does (OpenEphemeral).
    [Theory]
    [InlineData(nameof(SqliteSql.CountCaps))]
    [InlineData(nameof(SqliteSql.Insert))]
    public async Task Program_AckPathStatement_BuildsNoTemporaryTable(string statement)
    {
        // Column 1 of a program's rows is the instruction's opcode.
        var opcodes = await ExplainAsync("EXPLAIN ", statement, column: 1);

        Assert.Contains("Halt", opcodes);
        Assert.DoesNotContain("OpenEphemeral", opcodes);
    }

    // One of the store's statements (by its SqliteSql name) explained by SQLite, every parameter bound to 1.
    private async Task<List<string>> ExplainAsync(string explain, string statement, int column)
    {
        var sql = (string)typeof(SqliteSql).GetField(statement)!.GetValue(null)!;
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = explain + sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, 1);
        }
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(column));
        }
        return rows;
    }

    [Fact]
    public async Task PingAsync_FileLockedByAnotherProcessPastTheLimit_UnavailableUntilTheLockGoes()
    {
        var time = new FakeTimeProvider(StoreRequests.T0);
        using var store = new SqliteAccessRequestStore(Path.Combine(_folder, "locked", "slackjit.db"), NullLogger<SqliteAccessRequestStore>.Instance, time);
        await store.PingAsync(Ct);
        var request = StoreRequests.Pending();
        await using (var other = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
        {
            // Another process (a backup, the sqlite3 shell) holds the write lock: SQLite waits for it, reads go on.
            await other.OpenAsync(Ct);
            await using var hold = other.BeginTransaction(deferred: false);
            var create = store.CreateAsync(request, Ct);
            await store.PingAsync(Ct);

            // The writer takes the write when its thread gets to it (which counts as progress), then waits on the lock:
            // time moves past the limit until readiness sees the stall.
            StoreUnavailableException? error = null;
            for (var i = 0; i < 100 && error is null; i++)
            {
                time.Advance(SqliteAccessRequestStore.WriterStallLimit + TimeSpan.FromSeconds(1));
                error = await Record.ExceptionAsync(() => store.PingAsync(Ct)) as StoreUnavailableException;
                if (error is null)
                {
                    await Task.Delay(20, Ct);
                }
            }

            Assert.NotNull(error);
            Assert.Contains("1 write(s) waiting, none finished for", error.Message, StringComparison.Ordinal);
            Assert.False(create.IsCompleted);
            await hold.RollbackAsync(Ct);
            Assert.Equal(CreateResult.Created, await create.WaitAsync(TimeSpan.FromSeconds(20), Ct));
        }
        await store.PingAsync(Ct);
        Assert.NotNull(await store.GetAsync(request.Id, Ct));
    }

    [Fact]
    public async Task ApplyAsync_TwoStoresOnOneFileConcurrently_ExactlyOneWinsAndNoBusyErrorLeaks()
    {
        // Two stores on one file stand for two processes: their writes meet in SQLite's own locking.
        using var other = new SqliteAccessRequestStore(DatabasePath, NullLogger<SqliteAccessRequestStore>.Instance);
        var created = StoreRequests.Pending() with { RequiredApprovals = 3 };
        await Store.CreateAsync(created, Ct);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var store = i % 2 == 0 ? Store : other;
            return await store.ApplyAsync(StoreRequests.RecordApproval(created, $"U0APPROVER{i:00}", StoreRequests.T0), Ct);
        })).ToList();

        go.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Applied);
        Assert.All(results.Where(r => r.IsConflict), r => Assert.Equal(1, r.Current?.Version));
    }

    [Fact]
    public async Task CreateAsync_DocumentAndTrail_StoredAsTextTheJsonFunctionsRead()
    {
        var created = StoreRequests.Rich();
        await Store.CreateAsync(created, Ct);
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(doc), typeof(events), json_valid(doc), json_array_length(events) FROM access_requests WHERE id = @id";
        command.Parameters.AddWithValue("@id", created.Id.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync(Ct);

        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal("text", reader.GetString(0));
        Assert.Equal("text", reader.GetString(1));
        Assert.Equal(1, reader.GetInt64(2));
        Assert.Equal(created.Events.Count, reader.GetInt64(3));
    }

    [Fact]
    public async Task GetAsync_DatabaseFileUnreadable_ThrowsStoreUnavailable()
    {
        var folderAsFile = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(folderAsFile, "x", Ct);
        using var broken = new SqliteAccessRequestStore(Path.Combine(folderAsFile, "store.db"), NullLogger<SqliteAccessRequestStore>.Instance);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => broken.GetAsync(Guid.NewGuid(), Ct));

        Assert.Contains("SQLite", failure.Message, StringComparison.Ordinal);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        return connection;
    }

    [GeneratedRegex("@[a-z_]+")]
    private static partial Regex ParameterName();
}
