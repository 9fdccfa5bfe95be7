using System.Collections.Immutable;
using System.Text.Json.Serialization;
using SlackJit.Access;

namespace SlackJit.Storage;

/// <summary>
/// The stored JSON shape of a request. This is a persisted schema: renaming a member of
/// <see cref="AccessRequest"/> or the records it holds needs a <c>[JsonPropertyName]</c> keeping the old name.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(AccessRequest))]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(ImmutableList<AuditEvent>))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
