using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Audit;
using SlackJit.Storage.Sqlite;
using SlackJit.Tests.Hosting;

namespace SlackJit.Tests.Audit;

/// <summary><c>SlackJit audit …</c> as an auditor runs it: the real binary, settings from the environment, no Slack settings.</summary>
public sealed class AuditProcessTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("slackjit-audit-process-").FullName;

    [Fact]
    public async Task Export_SeededDatabaseAndNoSlackSettings_WritesTheCsvAndExits0()
    {
        var db = Path.Combine(_workDir, "audit.db");
        using (var store = new SqliteAccessRequestStore(db, NullLogger<SqliteAccessRequestStore>.Instance))
        {
            await AuditScenario.SeedAsync(store, CancellationToken.None);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (code, output, error) = await RunAsync(
            new() { ["Store__Sqlite__Path"] = db },
            "audit", "export", "--from", "2026-10-01", "--to", "2026-12-31", "--format", "csv");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        var rows = Csv.Parse(output);
        Assert.Equal(AuditCsvWriter.Columns, rows[0]);
        Assert.Equal(AuditScenario.InPeriod.Select(i => i.ToString("D")), rows.Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData("unknown --format 'xml': use csv or json.", "export", "--from", "2026-10-01", "--to", "2026-12-31", "--format", "xml")]
    [InlineData("--from 2026-12-31 is after --to 2026-10-01: the period is empty.", "export", "--from", "2026-12-31", "--to", "2026-10-01")]
    [InlineData("--to 'soon' is not a date: use yyyy-MM-dd (UTC) or an ISO 8601 instant with its offset.", "report", "--from", "2026-10-01", "--to", "soon")]
    public async Task Audit_BadInput_OneLineOnStderrNothingOnStdoutExit2(string message, params string[] args)
    {
        var (code, output, error) = await RunAsync(new(), ["audit", .. args]);

        Assert.Equal(AuditCommandLine.BadInput, code);
        Assert.Equal("", output);
        Assert.Equal("audit: " + message, error.TrimEnd('\n', '\r'));
    }

    [Fact]
    public async Task Export_NoDatabase_OneLineExit1AndNoFileCreated()
    {
        var (code, output, error) = await RunAsync(new(), "audit", "report", "--from", "2026-10-01", "--to", "2026-12-31");

        Assert.Equal(AuditCommandLine.StoreFailed, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("no SQLite database at", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workDir, "data")));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        using var process = AppProcess.Start(_workDir, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
