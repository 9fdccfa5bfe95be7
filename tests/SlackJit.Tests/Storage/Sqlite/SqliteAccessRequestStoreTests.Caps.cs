using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Requests;
using SlackJit.Storage;
using SlackJit.Storage.Sqlite;
using static SlackJit.Tests.Storage.StoreRequests;

namespace SlackJit.Tests.Storage.Sqlite;

/// <summary>SQLite counts a new request's caps and writes it in one transaction.</summary>
public sealed partial class SqliteAccessRequestStoreTests
{
    private protected override bool CapsUseSlots => false;

    private static readonly RequesterCaps TwoPendingFivePerHour = new(MaxPending: 2, MaxInWindow: 5, TimeSpan.FromHours(1));

    [Fact]
    public async Task TryCreateWithinCapsAsync_TwoStoresOnOneFileRacing_NeverMoreThanTheCap()
    {
        // Two stores on one file stand for two processes; creates queued together on one store share a transaction.
        using var other = new SqliteAccessRequestStore(DatabasePath, NullLogger<SqliteAccessRequestStore>.Instance);
        var options = new AccessOptions { MaxPendingPerRequester = 5, MaxRequestsPerHour = 20 };
        RequesterSlots[] hosts = [new(Slots, Store), new(other, other)];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await go.Task;
            return await hosts[i % 2].CreateAsync(Pending(), options, T0, Ct);
        })).ToList();

        go.SetResult();
        var checks = await Task.WhenAll(attempts);

        Assert.Equal(5, checks.Count(c => c.IsAllowed));
        Assert.All(checks.Where(c => !c.IsAllowed), c => Assert.Equal(RefusalReason.TooManyPending, c.Refusal?.Reason));
        Assert.Equal(5, (await Store.GetByRequesterAsync(Requester(), 100, Ct)).Count);
    }

    [Fact]
    public async Task TryCreateWithinCapsAsync_PendingCapFull_OverWithTheCountAndNothingWritten()
    {
        Assert.Equal(CappedCreateOutcome.Created, await Slots.TryCreateWithinCapsAsync(Pending(), TwoPendingFivePerHour, T0, Ct));
        Assert.Equal(CappedCreateOutcome.Created, await Slots.TryCreateWithinCapsAsync(Pending(), TwoPendingFivePerHour, T0, Ct));
        var third = Pending();

        var outcome = await Slots.TryCreateWithinCapsAsync(third, TwoPendingFivePerHour, T0, Ct);

        Assert.Equal(CappedCreateOutcome.Over(RequesterCap.Pending, 2), outcome);
        Assert.Null(await Store.GetAsync(third.Id, Ct));
    }

    [Fact]
    public async Task TryCreateWithinCapsAsync_PendingPastDeadlineOrDecidedOrSomeoneElses_NotCounted()
    {
        var timedOut = Pending(createdAt: T0.AddMinutes(-61));
        var approved = Pending();
        await Store.CreateAsync(timedOut, Ct);
        await Store.CreateAsync(approved, Ct);
        Assert.True((await Store.ApplyAsync(Approve(approved, "U0APPROVER", T0), Ct)).Applied);
        await Store.CreateAsync(Pending(requester: Requester("U0SOMEONE")), Ct);
        await Store.CreateAsync(Pending(requester: Requester("U0REQUEST", "T0OTHERTEAM")), Ct);
        await Store.CreateAsync(Pending(requester: Requester("U0SOMEONE")), Ct);

        var outcome = await Slots.TryCreateWithinCapsAsync(Pending(), TwoPendingFivePerHour with { MaxPending = 1 }, T0, Ct);

        Assert.Equal(CappedCreateOutcome.Created, outcome);
    }

    [Fact]
    public async Task TryCreateWithinCapsAsync_RateCap_CountsEveryStatusInTheWindowOnly()
    {
        var approved = Pending(createdAt: T0.AddMinutes(-30));
        await Store.CreateAsync(approved, Ct);
        Assert.True((await Store.ApplyAsync(Approve(approved, "U0APPROVER", T0), Ct)).Applied);
        await Store.CreateAsync(Pending(createdAt: T0.AddMinutes(-59)), Ct);
        await Store.CreateAsync(Pending(createdAt: T0.AddMinutes(-60)), Ct);
        await Store.CreateAsync(Pending(createdAt: T0.AddHours(-3)), Ct);
        var caps = new RequesterCaps(MaxPending: 10, MaxInWindow: 2, TimeSpan.FromHours(1));

        var outcome = await Slots.TryCreateWithinCapsAsync(Pending(), caps, T0, Ct);

        // The request made exactly an hour ago has left the window; the approved one still counts.
        Assert.Equal(CappedCreateOutcome.Over(RequesterCap.Rate, 2), outcome);
    }

    [Fact]
    public async Task TryCreateWithinCapsAsync_MixedRequests_CountsOpenPendingAndTheLastHourExactly()
    {
        var alice = Requester("U0ALICE", "T0ONE");
        var now = T0.AddMinutes(10);
        // A deadline written with another offset is still compared as an instant.
        var open = Pending(T0, alice) with { Deadline = now.AddMinutes(1).ToOffset(TimeSpan.FromHours(-7)) };
        var pastDeadline = Pending(T0.AddMinutes(-30), alice) with { Deadline = now.AddMinutes(-1) };
        var openButOld = Pending(T0.AddMinutes(-100), alice) with { Deadline = now.AddHours(5) };
        var openFromLongAgo = Pending(T0.AddDays(-3), alice) with { Deadline = now.AddHours(5) };
        var approved = Pending(T0.AddMinutes(-5), alice);
        var lastHourExactly = Pending(now.AddHours(-1), alice) with { Deadline = now.AddMinutes(-1) };
        var bobs = Pending(T0, Requester("U0BOB", "T0ONE"));
        var elsewhere = Pending(T0, Requester("U0ALICE", "T0TWO"));
        foreach (var request in new[] { open, pastDeadline, openButOld, openFromLongAgo, approved, lastHourExactly, bobs, elsewhere })
        {
            await Store.CreateAsync(request, Ct);
        }
        Assert.True((await Store.ApplyAsync(Approve(approved, "U0APPROVER", T0), Ct)).Applied);
        var window = TimeSpan.FromHours(1);

        // A cap of 0 is always full, so the outcome tells the count.
        var pending = await Slots.TryCreateWithinCapsAsync(Pending(now, alice), new RequesterCaps(0, 100, window), now, Ct);
        var recent = await Slots.TryCreateWithinCapsAsync(Pending(now, alice), new RequesterCaps(null, 0, window), now, Ct);

        // Pending: open, openButOld and openFromLongAgo (deadline ahead, however old). Made in the last hour (strictly
        // after its start): open, pastDeadline, approved.
        Assert.Equal(CappedCreateOutcome.Over(RequesterCap.Pending, 3), pending);
        Assert.Equal(CappedCreateOutcome.Over(RequesterCap.Rate, 3), recent);
    }

    [Fact]
    public async Task TryCreateWithinCapsAsync_NoPendingCap_OnlyTheRateCapApplies()
    {
        await Store.CreateAsync(Pending(), Ct);
        await Store.CreateAsync(Pending(), Ct);

        var outcome = await Slots.TryCreateWithinCapsAsync(Pending(), TwoPendingFivePerHour with { MaxPending = null }, T0, Ct);

        Assert.Equal(CappedCreateOutcome.Created, outcome);
    }

    [Fact]
    public async Task TryCreateWithinCapsAsync_IdTaken_WritesNothing()
    {
        var request = Pending();
        await Store.CreateAsync(request, Ct);

        var outcome = await Slots.TryCreateWithinCapsAsync(request with { Reason = "again" }, TwoPendingFivePerHour, T0, Ct);

        Assert.Equal(CappedCreateOutcome.IdTaken, outcome);
        Assert.NotEqual("again", (await Store.GetAsync(request.Id, Ct))?.Reason);
    }

    [Fact]
    public async Task InitializeAsync_VersionOneFileWithPendingRequests_MigratedSoTheirDeadlinesCount()
    {
        var folder = Path.Combine(_folder, "v1");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "old.db");
        var open = Pending();
        var late = Pending(createdAt: T0.AddHours(-2));
        // A file as version 1 wrote it: no deadline column, the deadline only in the document.
        using (var source = new SqliteAccessRequestStore(Path.Combine(folder, "source.db"), NullLogger<SqliteAccessRequestStore>.Instance))
        {
            await source.CreateAsync(open, Ct);
            await source.CreateAsync(late, Ct);
        }
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                {VersionOneSchema}
                ATTACH DATABASE '{Path.Combine(folder, "source.db")}' AS source;
                INSERT INTO access_requests SELECT id, status, version, requester_key, created_at, due_at, expires_at, doc, events FROM source.access_requests;
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var migrated = new SqliteAccessRequestStore(path, NullLogger<SqliteAccessRequestStore>.Instance);
        var outcome = await migrated.TryCreateWithinCapsAsync(Pending(), TwoPendingFivePerHour with { MaxPending = 1 }, T0, Ct);

        Assert.Equal(CappedCreateOutcome.Over(RequesterCap.Pending, 1), outcome);
        AssertSameRequest(open, await migrated.GetAsync(open.Id, Ct));
        await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        await check.OpenAsync(Ct);
        await using var read = check.CreateCommand();
        read.CommandText = "SELECT deadline, (SELECT user_version FROM pragma_user_version) FROM access_requests WHERE id = @id";
        read.Parameters.AddWithValue("@id", open.Id.ToString("D"));
        await using var reader = await read.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal(open.Deadline.ToUnixTimeMilliseconds(), reader.GetInt64(0));
        Assert.Equal(SqliteSql.SchemaVersion, reader.GetInt64(1));
    }

    [Fact]
    public async Task InitializeAsync_VersionTwoFile_MigratedToOneRequesterIndexWithTheSameCountsAndList()
    {
        var folder = Path.Combine(_folder, "v2");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "old.db");
        var open = Pending(createdAt: T0.AddMinutes(-10));
        var approved = Pending(createdAt: T0.AddMinutes(-5));
        var stale = Pending(createdAt: T0.AddHours(-3));
        var approvedNow = Approve(approved, "U0APPROVER", T0.AddMinutes(-1)).Next;
        // A file as version 2 wrote it: two requester indexes, no pending column.
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = VersionTwoSchema;
            await command.ExecuteNonQueryAsync(Ct);
            command.CommandText = """
                INSERT INTO access_requests (id, status, version, requester_key, created_at, due_at, expires_at, doc, events, deadline)
                VALUES (@id, @status, @version, @requester_key, @created_at, NULL, @expires_at, @doc, @events, @deadline)
                """;
            foreach (var request in new[] { open, approvedNow, stale })
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("@id", request.Id.ToString("D"));
                command.Parameters.AddWithValue("@status", request.Status.ToString());
                command.Parameters.AddWithValue("@version", request.Version);
                command.Parameters.AddWithValue("@requester_key", request.Requester.Key);
                command.Parameters.AddWithValue("@created_at", request.CreatedAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@expires_at", request.ExpiresAt.ToUnixTimeSeconds());
                command.Parameters.AddWithValue("@doc", Encoding.UTF8.GetString(StoredRecord.SerializeDocumentUtf8(request)));
                command.Parameters.AddWithValue("@events", Encoding.UTF8.GetString(StoredRecord.SerializeEventsUtf8(request.Events)));
                command.Parameters.AddWithValue("@deadline", request.Deadline.ToUnixTimeMilliseconds());
                await command.ExecuteNonQueryAsync(Ct);
            }
        }

        using var migrated = new SqliteAccessRequestStore(path, NullLogger<SqliteAccessRequestStore>.Instance);
        // One open pending request (the approved one, and the one past its deadline, do not count); three made in the
        // last five hours.
        var overPending = await migrated.TryCreateWithinCapsAsync(Pending(), TwoPendingFivePerHour with { MaxPending = 1 }, T0, Ct);
        var overRate = await migrated.TryCreateWithinCapsAsync(Pending(), new RequesterCaps(null, 3, TimeSpan.FromHours(5)), T0, Ct);
        var list = await migrated.GetByRequesterAsync(Requester(), 10, Ct);

        Assert.Equal(CappedCreateOutcome.Over(RequesterCap.Pending, 1), overPending);
        Assert.Equal(CappedCreateOutcome.Over(RequesterCap.Rate, 3), overRate);
        Assert.Equal([approved.Id, open.Id, stale.Id], list.Select(r => r.Id));
        Assert.Equal(RequestStatus.Approved, list[0].Status);
        await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        await check.OpenAsync(Ct);
        await using var read = check.CreateCommand();
        read.CommandText = """
            SELECT (SELECT user_version FROM pragma_user_version),
                   (SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name)),
                   (SELECT group_concat(pending, ',') FROM (SELECT pending FROM access_requests ORDER BY created_at))
            """;
        await using var reader = await read.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal(SqliteSql.SchemaVersion, reader.GetInt64(0));
        Assert.Equal("ix_access_requests_by_requester,ix_access_requests_created,ix_access_requests_due", reader.GetString(1));
        Assert.Equal("1,1,0", reader.GetString(2));
    }

    // The schema as version 2 of the store created it.
    private const string VersionTwoSchema = """
        CREATE TABLE access_requests (
            id TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, version INTEGER NOT NULL, requester_key TEXT NOT NULL,
            created_at INTEGER NOT NULL, due_at INTEGER NULL, expires_at INTEGER NOT NULL, doc TEXT NOT NULL, events TEXT NOT NULL,
            deadline INTEGER NULL);
        CREATE INDEX ix_access_requests_due ON access_requests (due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX ix_access_requests_requester ON access_requests (requester_key, created_at, id);
        CREATE INDEX ix_access_requests_created ON access_requests (created_at, id);
        CREATE INDEX ix_access_requests_pending ON access_requests (requester_key, deadline) WHERE status = 'Pending';
        CREATE TABLE slots (key TEXT NOT NULL PRIMARY KEY, holder TEXT NOT NULL, until INTEGER NOT NULL);
        PRAGMA user_version = 2;
        """;

    // The schema as version 1 of the store created it.
    private const string VersionOneSchema = """
        CREATE TABLE access_requests (
            id TEXT NOT NULL PRIMARY KEY, status TEXT NOT NULL, version INTEGER NOT NULL, requester_key TEXT NOT NULL,
            created_at INTEGER NOT NULL, due_at INTEGER NULL, expires_at INTEGER NOT NULL, doc TEXT NOT NULL, events TEXT NOT NULL);
        CREATE INDEX ix_access_requests_due ON access_requests (due_at, id) WHERE due_at IS NOT NULL;
        CREATE INDEX ix_access_requests_requester ON access_requests (requester_key, created_at, id);
        CREATE INDEX ix_access_requests_created ON access_requests (created_at, id);
        CREATE TABLE slots (key TEXT NOT NULL PRIMARY KEY, holder TEXT NOT NULL, until INTEGER NOT NULL);
        PRAGMA user_version = 1;
        """;

    [Fact]
    public async Task Writer_Synchronous_IsFullSoAnAcknowledgedWriteIsSyncedToDisk()
    {
        var store = (SqliteAccessRequestStore)Store;

        // 2 = FULL: in WAL mode the log is synced at every commit, before the write's caller is answered.
        Assert.Equal(2, await store.ReadWriterPragmaAsync("synchronous", Ct));
    }
}
