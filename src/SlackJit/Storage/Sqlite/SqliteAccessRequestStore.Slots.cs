using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SlackJit.Storage.Sqlite;

internal sealed partial class SqliteAccessRequestStore : ISlotStore
{
    public async Task<IReadOnlyDictionary<string, SlotValue>> GetSlotsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, SlotValue>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        await InitializeAsync(cancellationToken);
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteSql.SelectSlots + "(" + string.Join(", ", keys.Select((_, i) => "@k" + i.ToString(CultureInfo.InvariantCulture))) + ")";
            for (var i = 0; i < keys.Count; i++)
            {
                command.Parameters.AddWithValue("@k" + i.ToString(CultureInfo.InvariantCulture), keys[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = new SlotValue(reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
            }

            return found;
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
    }

    public async Task<bool> TrySetSlotAsync(string key, SlotValue? expected, SlotValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        await InitializeAsync(cancellationToken);
        try
        {
            var rows = await _writer!.RunAsync(w => SetSlot(w, key, expected, value));
            return rows == 1;
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
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
