using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SlackJit.Storage.Sqlite;

/// <summary>
/// Read connections kept open with their statements prepared once: a read binds and steps a compiled statement
/// instead of opening a connection and parsing its SQL again. One caller uses a connection at a time; a few idle
/// ones are kept, more are opened when reads overlap and closed when they are done.
/// </summary>
internal sealed class SqliteReaders(string connectionString) : IDisposable
{
    /// <summary>Idle connections kept; reads are short, so a handful covers the cores.</summary>
    private static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly ConcurrentQueue<SqliteReadConnection> _idle = new();
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on an idle connection (or a new one) and gives the connection back.</summary>
    /// <exception cref="SqliteException">The read failed; the connection is closed rather than kept.</exception>
    public async Task<T> ReadAsync<T>(Func<SqliteReadConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryDequeue(out var connection))
        {
            connection = await SqliteReadConnection.OpenAsync(connectionString, cancellationToken);
        }
        try
        {
            var result = await read(connection, cancellationToken);
            GiveBack(connection);
            return result;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var connection))
        {
            connection.Dispose();
        }
    }

    private void GiveBack(SqliteReadConnection connection)
    {
        if (_disposed || _idle.Count >= MaxIdle)
        {
            connection.Dispose();
            return;
        }
        _idle.Enqueue(connection);
        if (_disposed && _idle.TryDequeue(out var late))
        {
            late.Dispose();
        }
    }
}
