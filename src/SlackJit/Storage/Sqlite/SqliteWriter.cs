using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SlackJit.Storage.Sqlite;

/// <summary>
/// The one connection all writes go through, with its statements prepared once. Writes queue here and
/// one loop runs them in order; whatever queued while the previous commit was on disk, and whatever queues while
/// that batch runs, is committed together in one transaction (group commit), so the file is synced once per batch
/// instead of once per write while every write keeps its own conditional outcome (docs/RELIABILITY.md). The losers of a race see zero rows changed.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private const int MaxBatch = 256;

    private readonly SqliteConnection _connection;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly SqliteCommand[] _statements;
    private readonly TimeProvider _time;
    private long _commits;

    // For Stalled: writes handed in and writes finished (committed or failed), and when the writer last showed it is
    // alive (took work, or finished some), as a TimeProvider timestamp.
    private long _queued;
    private long _finished;
    private long _aliveAt;

    // Each write's rows changed in the batch being run (only the loop touches it).
    private readonly int[] _rows = new int[MaxBatch];

    public SqliteWriter(SqliteConnection connection, TimeProvider? time = null)
    {
        _connection = connection;
        _time = time ?? TimeProvider.System;
        _aliveAt = _time.GetTimestamp();
        Insert = Prepare(SqliteSql.Insert,
            "@id", "@status", "@version", "@requester_key", "@created_at", "@due_at", "@expires_at", "@doc", "@events", "@deadline");
        Transition = Prepare(SqliteSql.Transition,
            "@id", "@expected_status", "@expected_version", "@next_status", "@requester_key", "@created_at",
            "@due_at", "@expires_at", "@doc", "@event");
        SlotInsert = Prepare(SqliteSql.SlotInsert, "@key", "@holder", "@until");
        SlotReplace = Prepare(SqliteSql.SlotReplace, "@key", "@holder", "@until", "@expected_holder", "@expected_until");
        CountCaps = Prepare(SqliteSql.CountCaps, "@requester_key", "@now", "@created_after");
        _statements = [Insert, Transition, SlotInsert, SlotReplace, CountCaps];
        _loop = Task.Run(RunLoopAsync);
    }

    /// <summary>Transactions committed so far (each one sync of the log).</summary>
    public long Commits => Volatile.Read(ref _commits);

    public SqliteCommand Insert { get; }
    public SqliteCommand Transition { get; }
    public SqliteCommand SlotInsert { get; }
    public SqliteCommand SlotReplace { get; }

    /// <summary>A requester's open pending requests and requests in a window, read in the creating write's transaction.</summary>
    public SqliteCommand CountCaps { get; }

    /// <summary>
    /// Queues <paramref name="write"/> (which binds and runs prepared statements and returns the rows changed) and
    /// completes when its transaction is committed. A write always runs inside a transaction (<c>BEGIN IMMEDIATE</c>:
    /// the write lock is held from its first statement), so what it reads stays true until it commits, on this
    /// replica and in any other process sharing the file. A <see cref="SqliteException"/> from the write or its
    /// commit surfaces here.
    /// </summary>
    public Task<int> RunAsync(Func<SqliteWriter, int> write)
    {
        var pending = new PendingWrite(write);
        // Work reaching an idle writer starts its clock now, not when the writer last finished something.
        if (Interlocked.Increment(ref _queued) - 1 == Volatile.Read(ref _finished))
        {
            Volatile.Write(ref _aliveAt, _time.GetTimestamp());
        }
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter));
        }
        return pending.Done.Task;
    }

    /// <summary>
    /// Writes are waiting or running and the writer has neither taken nor finished any for longer than
    /// <paramref name="limit"/>: the file is locked by another process, the disk does not answer, or the loop has
    /// stopped. Null while the writer keeps up (or has nothing to do). For readiness: reads still work then, writes do not.
    /// </summary>
    public WriterStall? Stalled(TimeSpan limit)
    {
        var waiting = Volatile.Read(ref _queued) - Volatile.Read(ref _finished);
        if (waiting <= 0)
        {
            return null;
        }
        var quiet = _time.GetElapsedTime(Volatile.Read(ref _aliveAt));
        return quiet > limit ? new WriterStall(waiting, quiet) : null;
    }

    private void Alive(int finished)
    {
        if (finished > 0)
        {
            Interlocked.Add(ref _finished, finished);
        }
        Volatile.Write(ref _aliveAt, _time.GetTimestamp());
    }

    /// <summary>Reads a PRAGMA on the writer's connection (call from a write).</summary>
    public long ReadPragma(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA " + name + ";";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task RunLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Let the requests already running on the other threads reach the queue first, so they share this commit:
            // one sync of the log for more writes (a busy burst averaged 10 writes a commit without this, 14 with it),
            // for the cost of one hand-off when the writer is woken.
            await Task.Yield();
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            Alive(0);
            if (batch.Count == 1)
            {
                RunAlone(batch[0]);
            }
            else
            {
                RunTogether(batch);
            }
        }
    }

    private void RunTogether(List<PendingWrite> batch)
    {
        var rows = _rows;
        try
        {
            using var transaction = Begin();
            for (var i = 0; i < batch.Count; i++)
            {
                rows[i] = batch[i].Write(this);
            }
            // Writes that queued while these ran join the same commit: under a burst the log is synced once for all
            // the writes in flight (an in-process burst of 32 callers: 24 writes a commit without this, 32 with it).
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var late))
            {
                batch.Add(late);
                rows[batch.Count - 1] = late.Write(this);
            }
            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception)
        {
            // Nothing of the batch was committed. Run each write in its own transaction so every caller
            // gets its own outcome (most will succeed; the one at fault gets its error).
            ClearTransaction();
            foreach (var pending in batch)
            {
                RunAlone(pending);
            }
            return;
        }
        finally
        {
            ClearTransaction();
        }
        Alive(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(rows[i]);
        }
    }

    private void RunAlone(PendingWrite pending)
    {
        try
        {
            int rows;
            using (var transaction = Begin())
            {
                rows = pending.Write(this);
                transaction.Commit();
            }
            Interlocked.Increment(ref _commits);
            Alive(1);
            pending.Done.TrySetResult(rows);
        }
        catch (Exception ex)
        {
            Alive(1);
            pending.Done.TrySetException(ex);
        }
        finally
        {
            ClearTransaction();
        }
    }

    // Not deferred: BEGIN IMMEDIATE takes the write lock at once, so a write's reads cannot go stale before its writes.
    private SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var statement in _statements)
        {
            statement.Transaction = transaction;
        }
        return transaction;
    }

    private void ClearTransaction()
    {
        foreach (var statement in _statements)
        {
            statement.Transaction = null;
        }
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        // Writes already queued are finished before the connection closes.
        _loop.Wait(TimeSpan.FromSeconds(10));
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }
        _connection.Dispose();
    }

    private sealed class PendingWrite(Func<SqliteWriter, int> write)
    {
        public Func<SqliteWriter, int> Write { get; } = write;
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>How many writes wait on a writer that has shown no progress, and for how long.</summary>
internal readonly record struct WriterStall(long Waiting, TimeSpan Quiet);
