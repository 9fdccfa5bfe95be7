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
        var row = NewRow.Of(request);
        var outcome = SlotClaimOutcome.IdTaken;
        try
        {
            // The write may run twice (alone again after its batch failed); the outcome is the last run's, the committed one.
            await _writer!.RunAsync(w =>
            {
                outcome = ClaimAndInsert(w, claims, now, row);
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
    private static SlotClaimOutcome ClaimAndInsert(SqliteWriter w, IReadOnlyList<SlotClaim> claims, DateTimeOffset now, NewRow row)
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

        if (row.Insert(w) != 1)
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

    // The claim's slots in one read of its key range (they come in key order, "#10" before "#2"), then the first free
    // index: never claimed, or held by a claim that no longer stands.
    private static (string Key, SlotValue? Held)? FirstFree(SqliteWriter w, SlotClaim claim, DateTimeOffset now, out int busy)
    {
        busy = 0;
        var held = new HeldSlot?[claim.Count];
        var read = claim.FreedWhenHolderLeavesPending ? w.SlotRangeWithHolders : w.SlotRange;
        var prefix = claim.KeyPrefix;
        read.Parameters["@from"].Value = prefix;
        read.Parameters["@to"].Value = string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(prefix[^1] + 1)]);
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = reader.GetString(0);
                if (int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < held.Length)
                {
                    held[index] = new HeldSlot(
                        new SlotValue(reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))),
                        claim.FreedWhenHolderLeavesPending && !reader.IsDBNull(3) ? reader.GetString(3) : null,
                        claim.FreedWhenHolderLeavesPending && !reader.IsDBNull(4) ? reader.GetString(4) : null);
                }
            }
        }

        for (var index = 0; index < held.Length; index++)
        {
            if (held[index] is not { } slot)
            {
                return (claim.KeyAt(index), null);
            }
            if (SlotClaim.Expired(slot.Value, now) || (claim.FreedWhenHolderLeavesPending && slot.HolderGone(now)))
            {
                return (claim.KeyAt(index), slot.Value);
            }
            busy++;
        }
        return null;
    }

    /// <summary>A held slot and what its holder is in the store (null status: it names no stored request).</summary>
    private readonly record struct HeldSlot(SlotValue Value, string? HolderStatus, string? HolderDeadline)
    {
        // A holder that names no stored request (never written, or being written by another process) keeps its slot.
        public bool HolderGone(DateTimeOffset now) =>
            HolderStatus is not null
            && Enum.TryParse<RequestStatus>(HolderStatus, out var status)
            && (status != RequestStatus.Pending
                || (HolderDeadline is not null
                    && SlotClaim.HolderGone(status, DateTimeOffset.Parse(HolderDeadline, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), now)));
    }

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
