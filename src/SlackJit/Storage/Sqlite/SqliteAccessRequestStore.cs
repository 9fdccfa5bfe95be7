using Microsoft.Data.Sqlite;
using SlackJit.Access;

namespace SlackJit.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer). Transitions
/// are <c>UPDATE … WHERE id AND status AND version</c>; zero rows changed means someone else won.
/// </summary>
internal sealed partial class SqliteAccessRequestStore : IAccessRequestStore, IRequestHistory, IStoreInitializer, IDisposable
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly AsyncOnce _init;
    private readonly SqliteReaders _readers;
    private readonly TimeProvider _time;
    private SqliteWriter? _writer;

    /// <summary>
    /// How long writes may wait on a writer that neither takes nor finishes any before readiness fails: a commit takes
    /// milliseconds, and another process holding the file is waited for 30 s before a write fails.
    /// </summary>
    public static readonly TimeSpan WriterStallLimit = TimeSpan.FromSeconds(10);

    public SqliteAccessRequestStore(string path, ILogger<SqliteAccessRequestStore> logger, TimeProvider? time = null)
    {
        _path = Path.GetFullPath(path);
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Another process holding the file (a backup, the sqlite3 shell) is waited for, not failed on.
            DefaultTimeout = 30,
        }.ToString();
        _init = new AsyncOnce(InitializeCoreAsync);
        _readers = new SqliteReaders(_connectionString);
    }

    public string DatabasePath => _path;

    public Task InitializeAsync(CancellationToken cancellationToken) => _init.EnsureAsync(cancellationToken);

    public async Task<CreateResult> CreateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await InitializeAsync(cancellationToken);
        var row = NewRow.Of(request);
        try
        {
            int rows = await _writer!.RunAsync(row.Insert);
            return rows == 1 ? CreateResult.Created : CreateResult.AlreadyExists;
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    public async Task<AccessRequest?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(SqliteSql.SelectById, ["@id"], p => p["@id"].Value = Key(id), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<TransitionResult> ApplyAsync(Transition transition, CancellationToken cancellationToken)
    {
        TransitionGuard.EnsureWellFormed(transition);
        await InitializeAsync(cancellationToken);
        var next = transition.Next;
        var key = Key(next.Id);
        var fromStatus = transition.FromStatus.ToString();
        var nextStatus = next.Status.ToString();
        var doc = StoredRecord.SerializeDocument(next);
        object ev = transition.Event is { } appended ? StoredRecord.SerializeEvent(appended) : DBNull.Value;
        int rows;
        try
        {
            rows = await _writer!.RunAsync(w =>
            {
                var p = w.Transition.Parameters;
                p["@id"].Value = key;
                p["@expected_status"].Value = fromStatus;
                p["@expected_version"].Value = transition.FromVersion;
                p["@next_status"].Value = nextStatus;
                BindIndexed(p, next);
                p["@doc"].Value = doc;
                p["@event"].Value = ev;
                return w.Transition.ExecuteNonQuery();
            });
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        return rows == 1
            ? TransitionResult.Success(next)
            : TransitionResult.Conflict(await GetAsync(next.Id, cancellationToken));
    }

    public Task<IReadOnlyList<AccessRequest>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        TransitionGuard.EnsurePositive(limit);
        return QueryAsync(SqliteSql.SelectDue, ["@now", "@limit"], p =>
        {
            p["@now"].Value = StoredRecord.ToEpochMs(now);
            p["@limit"].Value = limit;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AccessRequest>> GetOpenAsync(int limit, CancellationToken cancellationToken)
    {
        TransitionGuard.EnsurePositive(limit);
        return QueryAsync(SqliteSql.SelectOpen, ["@limit"], p => p["@limit"].Value = limit, cancellationToken);
    }

    public Task<IReadOnlyList<AccessRequest>> GetByRequesterAsync(SlackIdentity requester, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        TransitionGuard.EnsurePositive(limit);
        return QueryAsync(SqliteSql.SelectByRequester, ["@requester_key", "@limit"], p =>
        {
            p["@requester_key"].Value = requester.Key;
            p["@limit"].Value = limit;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<AccessRequest> ReadCreatedAsync(
        DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        // One read connection for the whole walk: rows are decoded as they are read, so memory stays one row deep.
        await using var connection = new SqliteConnection(_connectionString);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.SelectCreated;
        command.Parameters.AddWithValue("@from", StoredRecord.ToEpochMs(from));
        command.Parameters.AddWithValue("@to", StoredRecord.ToEpochMs(to));
        SqliteDataReader reader;
        try
        {
            await connection.OpenAsync(cancellationToken);
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        await using (reader)
        {
            while (true)
            {
                AccessRequest request;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        yield break;
                    }
                    request = StoredRecord.DeserializeDocument(reader.GetString(0), StoredRecord.DeserializeEvents(reader.GetString(1)));
                }
                catch (SqliteException ex)
                {
                    throw Unavailable(ex);
                }
                yield return request;
            }
        }
    }

    /// <summary>A PRAGMA's value as the single writer's connection sees it (e.g. <c>synchronous</c>).</summary>
    internal async Task<long> ReadWriterPragmaAsync(string name, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        long value = 0;
        await _writer!.RunAsync(w =>
        {
            value = w.ReadPragma(name);
            return 0;
        });
        return value;
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        // Touches the table through its primary key: proves the file opens and the schema is there.
        await QueryAsync(SqliteSql.SelectById, ["@id"], p => p["@id"].Value = "", cancellationToken);
        // Reads still work while writes are stuck (the file locked by another process, a disk that does not answer):
        // this replica cannot take a request then, and says so.
        if (_writer?.Stalled(WriterStallLimit) is { } stall)
        {
            throw new StoreUnavailableException(
                $"SQLite store: {stall.Waiting} write(s) waiting, none finished for {stall.Quiet.TotalSeconds:0} s (is another process holding {_path}?).");
        }
    }

    public void Dispose()
    {
        _readers.Dispose();
        _writer?.Dispose();
        using (var connection = new SqliteConnection(_connectionString))
        {
            // Releases the file so it can be moved or deleted after shutdown.
            SqliteConnection.ClearPool(connection);
        }
        _init.Dispose();
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        SqliteConnection? connection = null;
        try
        {
            var folder = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            long schemaVersion = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
            if (schemaVersion > SqliteSql.SchemaVersion)
            {
                throw new StoreUnavailableException(
                    $"SQLite database {_path} has schema version {schemaVersion}, newer than this SlackJit understands ({SqliteSql.SchemaVersion}).");
            }
            // WAL is a property of the file: set once, it stays for every later connection.
            await ScalarAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
            // On the writer's connection: every commit syncs the WAL before the write completes, so an acknowledged
            // create (or decision) survives a power cut, not only a crash. Said, not left to the library's default.
            await ScalarAsync(connection, "PRAGMA synchronous = FULL;", cancellationToken);
            await CreateOrMigrateSchemaAsync(connection, cancellationToken);
            _writer = new SqliteWriter(connection, _time);
            connection = null;
            _logger.SqliteReady(_path);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"SQLite store: cannot create the folder of {_path} ({ex.GetType().Name}).", ex);
        }
        finally
        {
            connection?.Dispose();
        }
    }

    // In one write transaction, with the version read again inside it: two processes opening an old file at once
    // migrate it once (docs/DEPLOY.md, "Upgrading").
    private static async Task CreateOrMigrateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Immediate: the write lock is taken before the version is read.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (version == 1)
        {
            command.CommandText = SqliteSql.MigrateFrom1;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (version is 1 or 2)
        {
            command.CommandText = SqliteSql.MigrateFrom2;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        command.CommandText = SqliteSql.Schema;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<AccessRequest>> QueryAsync(
        string sql, string[] parameters, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        try
        {
            return await _readers.ReadAsync(async (connection, ct) =>
            {
                var command = connection.Command(sql, parameters);
                bind(command.Parameters);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var found = new List<AccessRequest>();
                while (await reader.ReadAsync(ct))
                {
                    var events = StoredRecord.DeserializeEvents(reader.GetString(1));
                    found.Add(StoredRecord.DeserializeDocument(reader.GetString(0), events));
                }
                return found;
            }, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>
    /// A new request's row, serialised on the caller's thread so the single writer only binds and runs; as UTF-8, which
    /// the statement stores as text (SQLite's own encoding) without a copy into .NET text and back.
    /// </summary>
    private sealed class NewRow(AccessRequest request)
    {
        private readonly string _key = Key(request.Id);
        private readonly string _status = request.Status.ToString();
        private readonly byte[] _doc = StoredRecord.SerializeDocumentUtf8(request);
        private readonly byte[] _events = StoredRecord.SerializeEventsUtf8(request.Events);

        public static NewRow Of(AccessRequest request) => new(request);

        /// <summary>Runs the insert on the writer: 1 row, or 0 when the id exists.</summary>
        public int Insert(SqliteWriter w)
        {
            var p = w.Insert.Parameters;
            p["@id"].Value = _key;
            p["@status"].Value = _status;
            p["@version"].Value = request.Version;
            BindIndexed(p, request);
            p["@doc"].Value = _doc;
            p["@events"].Value = _events;
            p["@deadline"].Value = StoredRecord.ToEpochMs(request.Deadline);
            return w.Insert.ExecuteNonQuery();
        }
    }

    private static void BindIndexed(SqliteParameterCollection p, AccessRequest request)
    {
        p["@requester_key"].Value = request.Requester.Key;
        p["@created_at"].Value = StoredRecord.ToEpochMs(request.CreatedAt);
        p["@due_at"].Value = request.DueAt is { } due ? StoredRecord.ToEpochMs(due) : DBNull.Value;
        p["@expires_at"].Value = request.ExpiresAt.ToUnixTimeSeconds();
    }

    private static string Key(Guid id) => id.ToString("D");

    private StoreUnavailableException Unavailable(SqliteException ex) =>
        new($"SQLite store {_path} unavailable: error {ex.SqliteErrorCode} ({ex.SqliteExtendedErrorCode}).", ex);
}
