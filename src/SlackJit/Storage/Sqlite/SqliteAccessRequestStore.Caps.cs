using Microsoft.Data.Sqlite;
using SlackJit.Access;

namespace SlackJit.Storage.Sqlite;

/// <summary>
/// A new request's caps and the request itself, in one write of the single writer: the requester's open pending
/// requests and recent requests are counted from the requester index and the request is inserted in the same transaction,
/// with one commit shared with whatever else is queued. The writer's transaction holds SQLite's write lock from its
/// start, so nothing is created between the count and the insert, in this process or another one using the same
/// file; creates queued together see each other, because they run one after the other in that transaction.
/// </summary>
internal sealed partial class SqliteAccessRequestStore
{
    public async Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caps);
        await InitializeAsync(cancellationToken);
        var row = NewRow.Of(request);
        var nowMs = StoredRecord.ToEpochMs(now);
        var createdAfterMs = StoredRecord.ToEpochMs(now - caps.Window);
        var outcome = CappedCreateOutcome.IdTaken;
        try
        {
            // The write may run twice (alone again after its batch failed); the outcome is the last run's, the committed one.
            await _writer!.RunAsync(w =>
            {
                outcome = CountAndInsert(w, caps, request.Requester.Key, nowMs, createdAfterMs, row);
                return outcome.Result == CreateResult.Created ? 1 : 0;
            });
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        return outcome;
    }

    // Runs on the writer, inside its transaction: counts first, inserts only when the request fits under both caps.
    private static CappedCreateOutcome CountAndInsert(
        SqliteWriter w, RequesterCaps caps, string requesterKey, long nowMs, long createdAfterMs, NewRow row)
    {
        var count = w.CountCaps;
        var p = count.Parameters;
        p["@requester_key"].Value = requesterKey;
        p["@now"].Value = nowMs;
        p["@created_after"].Value = createdAfterMs;
        int pending, recent;
        using (var reader = count.ExecuteReader())
        {
            reader.Read();
            pending = reader.GetInt32(0);
            recent = reader.GetInt32(1);
        }

        if (caps.MaxPending is { } maxPending && pending >= maxPending)
        {
            return CappedCreateOutcome.Over(RequesterCap.Pending, pending);
        }
        if (recent >= caps.MaxInWindow)
        {
            return CappedCreateOutcome.Over(RequesterCap.Rate, recent);
        }
        return row.Insert(w) == 1 ? CappedCreateOutcome.Created : CappedCreateOutcome.IdTaken;
    }
}
