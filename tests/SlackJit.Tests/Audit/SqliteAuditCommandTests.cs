using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Audit;
using SlackJit.Storage;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Tests.Audit;

/// <summary>The audit commands on the embedded store, plus what only SQLite has (its file, its index).</summary>
public sealed class SqliteAuditCommandTests : AuditCommandContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slackjit-audit-").FullName;

    private string DbPath => Path.Combine(_dir, "audit.db");

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Store:Provider"] = "Sqlite",
        ["Store:Sqlite:Path"] = DbPath,
    };

    protected override async Task<IAccessRequestStore> CreateStoreAsync()
    {
        var store = new SqliteAccessRequestStore(DbPath, NullLogger<SqliteAccessRequestStore>.Instance);
        await store.InitializeAsync(Ct);
        return store;
    }

    protected override Task DisposeStoreAsync(IAccessRequestStore store)
    {
        ((IDisposable)store).Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Export_NoDatabaseFile_OneLineExit1AndNoFileCreated()
    {
        var missing = Path.Combine(_dir, "missing", "none.db");
        using var output = new MemoryStream();
        var error = new StringWriter();

        int code = await AuditCommandLine.RunAsync(
            ["audit", "export", "--from", "2026-10-01", "--to", "2026-12-31"], output, error, null,
            new Dictionary<string, string?> { ["Store:Sqlite:Path"] = missing }, Ct);

        Assert.Equal(AuditCommandLine.StoreFailed, code);
        Assert.Equal(0, output.Length);
        Assert.Equal($"audit: no SQLite database at {missing} (Store:Sqlite:Path): nothing to read.", error.ToString().TrimEnd());
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Export_UnknownProvider_OneLineNamingTheKeyExit1()
    {
        using var output = new MemoryStream();
        var error = new StringWriter();

        int code = await AuditCommandLine.RunAsync(
            ["audit", "report", "--from", "2026-10-01", "--to", "2026-12-31"], output, error, null,
            new Dictionary<string, string?> { ["Store:Provider"] = "Postgres" }, Ct);

        Assert.Equal(AuditCommandLine.StoreFailed, code);
        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.Contains("Store:Provider", line, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task Export_NotADatabase_OneLineExit1()
    {
        var bogus = Path.Combine(_dir, "bogus.db");
        await File.WriteAllTextAsync(bogus, new string('x', 4096), Ct);
        using var output = new MemoryStream();
        var error = new StringWriter();

        int code = await AuditCommandLine.RunAsync(
            ["audit", "export", "--from", "2026-10-01", "--to", "2026-12-31"], output, error, null,
            new Dictionary<string, string?> { ["Store:Sqlite:Path"] = bogus }, Ct);

        Assert.Equal(AuditCommandLine.StoreFailed, code);
        var line = Assert.Single(error.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("audit: cannot read the store: SQLite store", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCreated_Query_WalksTheCreatedAtIndex()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteSql.SelectCreated;
        command.Parameters.AddWithValue("@from", 0);
        command.Parameters.AddWithValue("@to", 1);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, p => p.Contains("USING INDEX ix_access_requests_created", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}
