using System.Collections.Immutable;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using SlackJit.Access;
using static SlackJit.Storage.DynamoDb.DynamoDbSchema;

namespace SlackJit.Storage.DynamoDb;

/// <summary>Maps a request to a DynamoDB item and back.</summary>
internal static class DynamoDbItem
{
    private const string EventAt = "at";
    private const string EventActor = "actor";
    private const string EventAction = "action";
    private const string EventFrom = "from";
    private const string EventTo = "to";
    private const string EventDetail = "detail";

    public static Dictionary<string, AttributeValue> ToItem(AccessRequest request)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Pk] = S(Key(request.Id)),
            [Status] = S(request.Status.ToString()),
            [VersionAttribute] = N(request.Version),
            [RequesterKey] = S(request.Requester.Key),
            [CreatedAt] = N(StoredRecord.ToEpochMs(request.CreatedAt)),
            [CreatedMonth] = S(MonthOf(request.CreatedAt)),
            [ExpiresAt] = N(request.ExpiresAt.ToUnixTimeSeconds()),
            [Doc] = S(StoredRecord.SerializeDocument(request)),
            [Events] = new AttributeValue { L = request.Events.Select(ToAttribute).ToList() },
        };
        if (request.DueAt is { } due)
        {
            item[DueShard] = S(DueShardValue);
            item[DueAt] = N(StoredRecord.ToEpochMs(due));
        }
        return item;
    }

    public static AccessRequest FromItem(Dictionary<string, AttributeValue> item)
    {
        var events = item.TryGetValue(Events, out var list) && list.L is { } values
            ? values.Select(FromAttribute).ToImmutableList()
            : [];
        return StoredRecord.DeserializeDocument(item[Doc].S, events);
    }

    public static AttributeValue ToAttribute(AuditEvent ev)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            [EventAt] = S(ev.At.ToString("O", CultureInfo.InvariantCulture)),
            [EventActor] = S(ev.Actor),
            [EventAction] = S(ev.Action),
            [EventTo] = S(ev.To.ToString()),
        };
        if (ev.From is { } from)
        {
            map[EventFrom] = S(from.ToString());
        }
        if (ev.Detail is not null)
        {
            map[EventDetail] = S(ev.Detail);
        }
        return new AttributeValue { M = map };
    }

    public static AuditEvent FromAttribute(AttributeValue value)
    {
        var map = value.M;
        return new AuditEvent(
            DateTimeOffset.Parse(map[EventAt].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            map[EventActor].S,
            map[EventAction].S,
            map.TryGetValue(EventFrom, out var from) ? Enum.Parse<RequestStatus>(from.S) : null,
            Enum.Parse<RequestStatus>(map[EventTo].S),
            map.TryGetValue(EventDetail, out var detail) ? detail.S : null);
    }

    public static string Key(Guid id) => id.ToString("D");

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
