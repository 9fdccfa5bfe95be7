using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// Encodes a request the way both adapters store it: the record as JSON <b>without</b> its audit
/// trail (the trail is a separate, append-only value so a transition can append to it in the
/// same write), and the indexed values derived from it.
/// </summary>
internal static class StoredRecord
{
    private static readonly JsonSerializerOptions Options = new(StoreJsonContext.Default.Options)
    {
        TypeInfoResolver = StoreJsonContext.Default.WithAddedModifier(DropDerivedAndEvents),
    };

    private static readonly JsonTypeInfo<AccessRequest> RequestInfo =
        (JsonTypeInfo<AccessRequest>)Options.GetTypeInfo(typeof(AccessRequest));

    private static readonly JsonTypeInfo<AuditEvent> EventInfo =
        (JsonTypeInfo<AuditEvent>)Options.GetTypeInfo(typeof(AuditEvent));

    private static readonly JsonTypeInfo<ImmutableList<AuditEvent>> EventsInfo =
        (JsonTypeInfo<ImmutableList<AuditEvent>>)Options.GetTypeInfo(typeof(ImmutableList<AuditEvent>));

    public static string SerializeDocument(AccessRequest request) => JsonSerializer.Serialize(request, RequestInfo);

    /// <summary>The same document as UTF-8, as the serializer writes it: no text copy for a store that takes bytes.</summary>
    public static byte[] SerializeDocumentUtf8(AccessRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, RequestInfo);

    /// <summary>Reads a stored document and attaches the trail stored beside it.</summary>
    public static AccessRequest DeserializeDocument(string json, ImmutableList<AuditEvent> events) =>
        (JsonSerializer.Deserialize(json, RequestInfo) ?? throw new JsonException("Stored request document is null."))
        with { Events = events };

    public static string SerializeEvent(AuditEvent ev) => JsonSerializer.Serialize(ev, EventInfo);

    public static string SerializeEvents(ImmutableList<AuditEvent> events) => JsonSerializer.Serialize(events, EventsInfo);

    /// <summary>The trail as UTF-8 (see <see cref="SerializeDocumentUtf8"/>).</summary>
    public static byte[] SerializeEventsUtf8(ImmutableList<AuditEvent> events) => JsonSerializer.SerializeToUtf8Bytes(events, EventsInfo);

    public static ImmutableList<AuditEvent> DeserializeEvents(string json) =>
        JsonSerializer.Deserialize(json, EventsInfo) ?? [];

    /// <summary>Epoch milliseconds: the unit of the indexed times (due, created) in both stores.</summary>
    public static long ToEpochMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    // Computed properties (ShortId, Key, Display: no setter at all) are derived on read, and the
    // trail is stored beside the document, so neither is written into it.
    private static void DropDerivedAndEvents(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in info.Properties)
        {
            bool derived = property.AttributeProvider is PropertyInfo { SetMethod: null };
            bool trail = info.Type == typeof(AccessRequest) && property.Name == "events";
            if (derived || trail)
            {
                // Kept in the contract (the deserializer binds required members through it), never written.
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}
