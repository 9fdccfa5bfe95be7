namespace SlackJit.Storage.Sqlite;

/// <summary>
/// The SQLite schema and statements. The record is a JSON document; the columns beside it are
/// the values the statements filter and sort on. Times in columns are epoch milliseconds.
/// </summary>
internal static class SqliteSql
{
    public const int SchemaVersion = 1;

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS access_requests (
            id            TEXT    NOT NULL PRIMARY KEY,
            status        TEXT    NOT NULL,
            version       INTEGER NOT NULL,
            requester_key TEXT    NOT NULL,
            created_at    INTEGER NOT NULL,
            due_at        INTEGER NULL,
            expires_at    INTEGER NOT NULL,
            doc           TEXT    NOT NULL,
            events        TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_access_requests_due
            ON access_requests (due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_access_requests_requester
            ON access_requests (requester_key, created_at, id);
        CREATE INDEX IF NOT EXISTS ix_access_requests_created
            ON access_requests (created_at, id);
        CREATE TABLE IF NOT EXISTS slots (
            key    TEXT    NOT NULL PRIMARY KEY,
            holder TEXT    NOT NULL,
            until  INTEGER NOT NULL
        );
        PRAGMA user_version = 1;
        """;

    // The document and the trail come as UTF-8 bytes and are stored as text (the file's encoding is UTF-8).
    public const string Insert = """
        INSERT INTO access_requests (id, status, version, requester_key, created_at, due_at, expires_at, doc, events)
        VALUES (@id, @status, @version, @requester_key, @created_at, @due_at, @expires_at, CAST(@doc AS TEXT), CAST(@events AS TEXT))
        ON CONFLICT (id) DO NOTHING
        """;

    // The audit event is appended to the stored trail by SQLite itself, in the same statement
    // as the status change: the trail can only grow, whatever the caller's copy holds. A transition
    // without an event (bookkeeping) leaves the trail as it is.
    public const string Transition = """
        UPDATE access_requests
        SET status = @next_status, version = version + 1, requester_key = @requester_key,
            created_at = @created_at, due_at = @due_at, expires_at = @expires_at, doc = @doc,
            events = CASE WHEN @event IS NULL THEN events ELSE json_insert(events, '$[#]', json(@event)) END
        WHERE id = @id AND status = @expected_status AND version = @expected_version
        """;

    public const string SlotInsert = """
        INSERT INTO slots (key, holder, until) VALUES (@key, @holder, @until)
        ON CONFLICT (key) DO NOTHING
        """;

    public const string SlotReplace = """
        UPDATE slots SET holder = @holder, until = @until
        WHERE key = @key AND holder = @expected_holder AND until = @expected_until
        """;

    // One claim's slots (keys @from ≤ key < @to: a prefix and the prefix's last character plus one), in one walk of the
    // primary key; read inside the claiming write's transaction.
    public const string SlotRange = "SELECT key, holder, until FROM slots WHERE key >= @from AND key < @to";

    // The same with the holder's status and, while it is Pending, its deadline (null when the holder names no stored
    // request): a pending slot is free once its holder has left Pending or passed its deadline.
    public const string SlotRangeWithHolders = """
        SELECT s.key, s.holder, s.until, r.status,
               CASE WHEN r.status = 'Pending' THEN json_extract(r.doc, '$.deadline') END
        FROM slots s LEFT JOIN access_requests r ON r.id = s.holder
        WHERE s.key >= @from AND s.key < @to
        """;

    /// <summary>Followed by a parameter list <c>(@k0, @k1, …)</c>.</summary>
    public const string SelectSlots = "SELECT key, holder, until FROM slots WHERE key IN ";

    public const string SelectById = "SELECT doc, events FROM access_requests WHERE id = @id";

    public const string SelectDue = """
        SELECT doc, events FROM access_requests
        WHERE due_at IS NOT NULL AND due_at <= @now
        ORDER BY due_at, id
        LIMIT @limit
        """;

    // Audit reads walk the created_at index; the range is half-open so consecutive ranges never overlap.
    public const string SelectCreated = """
        SELECT doc, events FROM access_requests INDEXED BY ix_access_requests_created
        WHERE created_at >= @from AND created_at < @to
        ORDER BY created_at, id
        """;

    // Both counts walk the requester index (requester_key, created_at) over the window only; the deadline is read
    // from the document of the few Pending rows in it, inside SQLite (epoch ms, as the other times).
    public const string CountRecent = """
        SELECT
            (SELECT COUNT(*) FROM access_requests
             WHERE requester_key = @requester_key AND created_at > @created_after),
            (SELECT COUNT(*) FROM access_requests
             WHERE requester_key = @requester_key AND created_at > @pending_created_after AND status = @pending
               AND unixepoch(json_extract(doc, '$.deadline'), 'subsec') * 1000 > @now)
        """;

    public const string SelectByRequester = """
        SELECT doc, events FROM access_requests
        WHERE requester_key = @requester_key
        ORDER BY created_at DESC, id DESC
        LIMIT @limit
        """;
}
