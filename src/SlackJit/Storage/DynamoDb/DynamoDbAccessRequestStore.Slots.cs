using System.Globalization;
using Amazon.DynamoDBv2.Model;
using static SlackJit.Storage.DynamoDb.DynamoDbSchema;

namespace SlackJit.Storage.DynamoDb;

/// <summary>
/// Slots are items of their own in the requests table (<c>pk</c> = <c>slot#…</c>, no index attributes, so they
/// never show up in the due or requester queries), each set by one conditional <c>PutItem</c>. They expire by TTL
/// a day after their claim stops counting.
/// </summary>
internal sealed partial class DynamoDbAccessRequestStore : ISlotStore
{
    private const string SlotPrefix = "slot#";
    private const string Holder = "holder";
    private const string Until = "until";
    private const int MaxBatchKeys = 100;
    private static readonly TimeSpan SlotRetention = TimeSpan.FromDays(1);

    public async Task<IReadOnlyDictionary<string, SlotValue>> GetSlotsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, SlotValue>(StringComparer.Ordinal);
        await InitializeAsync(cancellationToken);
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(MaxBatchKeys))
        {
            var pending = new Dictionary<string, KeysAndAttributes>
            {
                [Table] = new KeysAndAttributes { Keys = [.. chunk.Select(k => new Dictionary<string, AttributeValue> { [Pk] = new() { S = SlotPrefix + k } })], ConsistentRead = true },
            };
            // Unprocessed keys come back under throttling; ask again for those only (the SDK already backed off).
            for (var round = 0; pending.Count > 0 && round < 5; round++)
            {
                var request = new BatchGetItemRequest { RequestItems = pending };
                var response = await _calls.RunAsync("BatchGetItem", ct => Client.BatchGetItemAsync(request, ct), cancellationToken);
                foreach (var item in response.Responses?.GetValueOrDefault(Table) ?? [])
                {
                    found[item[Pk].S[SlotPrefix.Length..]] = new SlotValue(
                        item[Holder].S, DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item[Until].N, CultureInfo.InvariantCulture)));
                }

                pending = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }

            if (pending.Count > 0)
            {
                throw new StoreUnavailableException($"DynamoDB BatchGetItem on table {Table} left keys unprocessed (throttled).");
            }
        }

        return found;
    }

    /// <summary>No transactions here: the caller claims slot by slot with conditional writes, then creates.</summary>
    public Task<CappedCreateOutcome?> TryCreateWithinCapsAsync(
        Access.AccessRequest request, RequesterCaps caps, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<CappedCreateOutcome?>(null);

    public async Task<bool> TrySetSlotAsync(string key, SlotValue? expected, SlotValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        await InitializeAsync(cancellationToken);
        var put = new PutItemRequest
        {
            TableName = Table,
            Item = new()
            {
                [Pk] = new() { S = SlotPrefix + key },
                [Holder] = new() { S = value.Holder },
                [Until] = new() { N = value.Until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
                [ExpiresAt] = new() { N = (value.Until + SlotRetention).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            },
            ExpressionAttributeNames = new() { ["#pk"] = Pk },
        };
        if (expected is null)
        {
            put.ConditionExpression = "attribute_not_exists(#pk)";
        }
        else
        {
            put.ConditionExpression = "#holder = :holder AND #until = :until";
            put.ExpressionAttributeNames = new() { ["#holder"] = Holder, ["#until"] = Until };
            put.ExpressionAttributeValues = new()
            {
                [":holder"] = new() { S = expected.Holder },
                [":until"] = new() { N = expected.Until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
            };
        }

        try
        {
            await _calls.RunAsync("PutItem", ct => Client.PutItemAsync(put, ct), cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
