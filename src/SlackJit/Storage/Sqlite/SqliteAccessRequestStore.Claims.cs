using System.Globalization;
using Microsoft.Data.Sqlite;
using SlackJit.Access;

namespace SlackJit.Storage.Sqlite;

/// <summary>
/// A new request's slot claims and the request itself, in one write of the single writer: one transaction, one
/// commit (shared with whatever else is queued), instead of a compare-and-set write and a commit per slot. The writer's
/// transaction holds SQLite's write lock from its start, so nothing changes a slot between its read and its write,
/// in this process or another one using the same file.
/// </summary>
internal sealed partial class SqliteAccessRequestStore
{
    public async Task<SlotClaimOutcome?> TryCreateClaimingAsync(
        AccessRequest request, IReadOnlyList<SlotClaim> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(claims);
        await InitializeAsync(cancellationToken);
        var key = Key(request.Id);
        var status = request.Status.ToString();
        var doc = StoredRecord.SerializeDocumentUtf8(request);
        var events = StoredRecord.SerializeEventsUtf8(request.Events);
        var outcome = SlotClaimOutcome.IdTaken;
        try
        {
            // The write may run twice (alone again after its batch failed); the outcome is the last run's, the committed one.
            await _writer!.RunAsync(w =>
            {
                outcome = ClaimAndInsert(w, claims, now, () => InsertRow(w, key, status, request, doc, events));
                return outcome.Result == CreateResult.Created ? 1 : 0;
            });
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        return outcome;
    }

    // Runs on the writer, inside its transaction: reads first, writes only when every claim found a slot.
    private static SlotClaimOutcome ClaimAndInsert(SqliteWriter w, IReadOnlyList<SlotClaim> claims, DateTimeOffset now, Func<int> insert)
    {
        var chosen = new (string Key, SlotValue? Held)[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            var free = FirstFree(w, claims[i], now, out var busy);
            if (free is not { } slot)
            {
                return SlotClaimOutcome.Full(i, busy);
            }
            chosen[i] = slot;
        }

        if (insert() != 1)
        {
            return SlotClaimOutcome.IdTaken;
        }

        for (var i = 0; i < claims.Count; i++)
        {
            var (key, held) = chosen[i];
            if (SetSlot(w, key, held, claims[i].Value) != 1)
            {
                // Nothing else writes inside this transaction: a slot read a moment ago cannot have changed.
                throw new InvalidOperationException($"Slot {key} changed inside the claiming transaction.");
            }
        }
        return SlotClaimOutcome.Created;
    }

    private static (string Key, SlotValue? Held)? FirstFree(SqliteWriter w, SlotClaim claim, DateTimeOffset now, out int busy)
    {
        busy = 0;
        var read = w.SlotWithHolder;
        for (var index = 0; index < claim.Count; index++)
        {
            var key = claim.KeyAt(index);
            read.Parameters["@key"].Value = key;
            using var reader = read.ExecuteReader();
            if (!reader.Read())
            {
                return (key, null);
            }

            var held = new SlotValue(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
            if (SlotClaim.Expired(held, now) || (claim.FreedWhenHolderLeavesPending && HolderGone(reader, now)))
            {
                return (key, held);
            }
            busy++;
        }
        return null;
    }

    // A holder that names no stored request (never written, or being written by another process) keeps its slot.
    private static bool HolderGone(SqliteDataReader reader, DateTimeOffset now) =>
        !reader.IsDBNull(2)
        && Enum.TryParse<RequestStatus>(reader.GetString(2), out var status)
        && !reader.IsDBNull(3)
        && SlotClaim.HolderGone(status, DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), now);

    private static int SetSlot(SqliteWriter w, string key, SlotValue? expected, SlotValue value)
    {
        var command = expected is null ? w.SlotInsert : w.SlotReplace;
        var p = command.Parameters;
        p["@key"].Value = key;
        p["@holder"].Value = value.Holder;
        p["@until"].Value = value.Until.ToUnixTimeMilliseconds();
        if (expected is not null)
        {
            p["@expected_holder"].Value = expected.Holder;
            p["@expected_until"].Value = expected.Until.ToUnixTimeMilliseconds();
        }
        return command.ExecuteNonQuery();
    }
}
