using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Tests.Storage.Sqlite;

/// <summary>The single writer's group commit: which writes share a transaction, and what each caller is told.</summary>
public sealed class SqliteWriterTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "slackjit-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task RunAsync_WriteQueuedWhileABatchRuns_JoinsThatBatchsCommit()
    {
        using var writer = NewWriter();
        var (first, second, third, secondRunning, releaseSecond) = StartTwoBatches(writer);
        await first;
        Assert.Equal(1, writer.Commits);

        // The second batch (two writes) is running: a write queued now is run before its commit, in the same one.
        Assert.True(secondRunning.Wait(Timeout));
        var late = writer.RunAsync(_ => 4);
        releaseSecond.Set();

        var rows = await Task.WhenAll(second, third, late);
        Assert.Equal(new[] { 2, 3, 4 }, rows);
        Assert.Equal(2, writer.Commits);
    }

    [Fact]
    public async Task RunAsync_LateWriteFails_OthersCommittedAloneAndOnlyItFails()
    {
        using var writer = NewWriter();
        var (first, second, third, secondRunning, releaseSecond) = StartTwoBatches(writer);
        await first;
        Assert.True(secondRunning.Wait(Timeout));
        var late = writer.RunAsync(_ => throw new InvalidOperationException("late write at fault"));
        releaseSecond.Set();

        var rows = await Task.WhenAll(second, third);
        Assert.Equal(new[] { 2, 3 }, rows);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => late);
        Assert.Equal("late write at fault", error.Message);
        // The shared transaction was rolled back; the two good writes were each committed on their own.
        Assert.Equal(3, writer.Commits);
    }

    [Fact]
    public async Task Stalled_WriteHeldPastTheLimit_ReportsTheWaitingWritesUntilTheyFinish()
    {
        var time = new FakeTimeProvider();
        using var writer = NewWriter(time);
        var running = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        // Idle for an hour first: the clock starts when work arrives, not when the writer last finished something.
        time.Advance(TimeSpan.FromHours(1));
        var held = writer.RunAsync(_ =>
        {
            running.Set();
            return release.Wait(Timeout) ? 1 : -1;
        });
        Assert.True(running.Wait(Timeout));
        var behind = writer.RunAsync(_ => 2);

        var fresh = writer.Stalled(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(11));
        var stalled = writer.Stalled(TimeSpan.FromSeconds(10));
        release.Set();
        var rows = await Task.WhenAll(held, behind);

        Assert.Null(fresh);
        Assert.Equal(new WriterStall(2, TimeSpan.FromSeconds(11)), stalled);
        Assert.Equal(new[] { 1, 2 }, rows);
        Assert.Null(writer.Stalled(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(writer.Stalled(TimeSpan.FromSeconds(10)));
    }

    // A first write runs alone and holds the writer until two more have queued; those two are the next batch, whose
    // first write holds it again until the test releases it.
    private static (Task<int> First, Task<int> Second, Task<int> Third, ManualResetEventSlim SecondRunning, ManualResetEventSlim ReleaseSecond)
        StartTwoBatches(SqliteWriter writer)
    {
        var firstRunning = new ManualResetEventSlim();
        var releaseFirst = new ManualResetEventSlim();
        var secondRunning = new ManualResetEventSlim();
        var releaseSecond = new ManualResetEventSlim();
        var first = writer.RunAsync(_ =>
        {
            firstRunning.Set();
            return releaseFirst.Wait(Timeout) ? 1 : -1;
        });
        Assert.True(firstRunning.Wait(Timeout));
        var second = writer.RunAsync(_ =>
        {
            secondRunning.Set();
            return releaseSecond.Wait(Timeout) ? 2 : -2;
        });
        var third = writer.RunAsync(_ => 3);
        releaseFirst.Set();
        return (first, second, third, secondRunning, releaseSecond);
    }

    private SqliteWriter NewWriter(TimeProvider? time = null)
    {
        Directory.CreateDirectory(_folder);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "writer.db"),
            Pooling = false,
        }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteScalar();
            command.CommandText = SqliteSql.Schema;
            command.ExecuteNonQuery();
        }
        return new SqliteWriter(connection, time);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
