using Microsoft.Data.Sqlite;

namespace SlackJit.Storage.Sqlite;

/// <summary>One open read connection of <see cref="SqliteReaders"/> and the statements prepared on it.</summary>
internal sealed class SqliteReadConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private SqliteReadConnection(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteReadConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return new SqliteReadConnection(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="sql"/> prepared on this connection (the first time, with <paramref name="parameters"/>); the
    /// caller sets the parameters' values and disposes the reader it opens before giving the connection back.
    /// </summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<string> parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            command.Prepare();
            _prepared[sql] = command;
        }
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }
        _connection.Dispose();
    }
}
