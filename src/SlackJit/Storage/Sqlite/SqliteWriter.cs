using Microsoft.Data.Sqlite;

namespace SlackJit.Storage.Sqlite;

/// <summary>
/// The one connection all writes go through, with its statements prepared once. Writes are
/// serialised in-process (the caller holds the store's write gate), so concurrent writers queue
/// here instead of spinning in SQLite's busy handler; the losers then see a version mismatch.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly SqliteConnection _connection;

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        Insert = Prepare(SqliteSql.Insert,
            "@id", "@status", "@version", "@requester_key", "@created_at", "@due_at", "@expires_at", "@doc", "@events");
        Transition = Prepare(SqliteSql.Transition,
            "@id", "@expected_status", "@expected_version", "@next_status", "@requester_key", "@created_at",
            "@due_at", "@expires_at", "@doc", "@event");
    }

    public SqliteCommand Insert { get; }
    public SqliteCommand Transition { get; }

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
        Insert.Dispose();
        Transition.Dispose();
        _connection.Dispose();
    }
}
