namespace SlackJit.Storage.Sqlite;

/// <summary>
/// The SQLite schema and statements. The record is a JSON document; the columns beside it are
/// the values the statements filter and sort on. Times in columns are epoch milliseconds.
/// </summary>
internal static class SqliteSql
{
    public const int SchemaVersion = 3;

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
            events        TEXT    NOT NULL,
            deadline      INTEGER NULL,
            pending       INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_access_requests_due
            ON access_requests (due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_access_requests_created
            ON access_requests (created_at, id);
        CREATE INDEX IF NOT EXISTS ix_access_requests_by_requester
            ON access_requests (requester_key, pending, created_at, id, deadline);
        CREATE TABLE IF NOT EXISTS slots (
            key    TEXT    NOT NULL PRIMARY KEY,
            holder TEXT    NOT NULL,
            until  INTEGER NOT NULL
        );
        PRAGMA user_version = 3;
        """;

    // Version 1 had no deadline column (the pending cap was counted with slots). A request's deadline never changes, so
    // it is copied once from the document; run in one transaction with MigrateFrom2 and the schema above, which adds the
    // requester index that carries it.
    public const string MigrateFrom1 = """
        ALTER TABLE access_requests ADD COLUMN deadline INTEGER NULL;
        UPDATE access_requests
        SET deadline = CAST(ROUND(unixepoch(json_extract(doc, '$.deadline'), 'subsec') * 1000) AS INTEGER);
        """;

    // Version 2 kept two indexes keyed by requester (all requests by time, and the pending ones by deadline): every create
    // wrote a leaf of each, on pages of their own once requesters come in no order. Version 3 keeps one, with "pending or
    // not" (a column the insert and every transition set from the status) after the requester, so both caps are tight
    // ranges of it and a create writes one requester-keyed leaf (bench/RESULTS.md, "Fourth look"). Run after MigrateFrom1
    // (for a version 1 file) and before the schema above, which creates the new index, in the same transaction.
    public const string MigrateFrom2 = """
        ALTER TABLE access_requests ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
        UPDATE access_requests SET pending = 1 WHERE status = 'Pending';
        DROP INDEX IF EXISTS ix_access_requests_pending;
        DROP INDEX IF EXISTS ix_access_requests_requester;
        """;

    // The document and the trail come as UTF-8 bytes and are stored as text (the file's encoding is UTF-8).
    public const string Insert = """
        INSERT INTO access_requests (id, status, version, requester_key, created_at, due_at, expires_at, doc, events, deadline, pending)
        VALUES (@id, @status, @version, @requester_key, @created_at, @due_at, @expires_at, CAST(@doc AS TEXT), CAST(@events AS TEXT), @deadline,
                @status = 'Pending')
        ON CONFLICT (id) DO NOTHING
        """;

    // The audit event is appended to the stored trail by SQLite itself, in the same statement
    // as the status change: the trail can only grow, whatever the caller's copy holds. A transition
    // without an event (bookkeeping) leaves the trail as it is.
    public const string Transition = """
        UPDATE access_requests
        SET status = @next_status, pending = (@next_status = 'Pending'), version = version + 1, requester_key = @requester_key,
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

    // The per-requester caps, counted in the creating write's transaction, both from the requester index (requester,
    // pending, created_at, id, deadline) and index-only: the requester's pending requests whose deadline is still ahead,
    // and the requests made in the window (pending or not: two ranges, counted apart and added; written as
    // `pending IN (0, 1)`, SQLite would build a temporary table of the two values on every create).
    public const string CountCaps = """
        SELECT
            (SELECT COUNT(*) FROM access_requests INDEXED BY ix_access_requests_by_requester
             WHERE requester_key = @requester_key AND pending = 1 AND deadline > @now),
            (SELECT COUNT(*) FROM access_requests INDEXED BY ix_access_requests_by_requester
             WHERE requester_key = @requester_key AND pending = 0 AND created_at > @created_after)
          + (SELECT COUNT(*) FROM access_requests INDEXED BY ix_access_requests_by_requester
             WHERE requester_key = @requester_key AND pending = 1 AND created_at > @created_after)
        """;

    // The due index (partial: only rows with a due time) holds every open request; the status filter drops the few
    // final ones still due (a revoked grant until its deny lands, a DM clean-up being retried).
    public const string SelectOpen = """
        SELECT doc, events FROM access_requests INDEXED BY ix_access_requests_due
        WHERE due_at IS NOT NULL AND status IN ('Pending', 'Approved', 'Issuing', 'Active')
        ORDER BY due_at, id
        LIMIT @limit
        """;

    // The requester's pending and other requests are two ranges of the requester index, each in time order: SQLite
    // merges them (no sort) and reads only the rows it returns. The last two columns are there to order by.
    public const string SelectByRequester = """
        SELECT doc, events, created_at, id FROM access_requests INDEXED BY ix_access_requests_by_requester
        WHERE requester_key = @requester_key AND pending = 1
        UNION ALL
        SELECT doc, events, created_at, id FROM access_requests INDEXED BY ix_access_requests_by_requester
        WHERE requester_key = @requester_key AND pending = 0
        ORDER BY created_at DESC, id DESC
        LIMIT @limit
        """;
}
