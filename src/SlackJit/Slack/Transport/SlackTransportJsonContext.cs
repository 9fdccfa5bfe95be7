using System.Text.Json.Serialization;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Source-generated reading of Slack's payloads. Unknown fields are ignored (Slack adds fields
/// freely); fields we declare without a default are required, so a payload missing them fails to parse.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(BlockActionsPayload))]
[JsonSerializable(typeof(ViewSubmissionPayload))]
[JsonSerializable(typeof(ViewClosedPayload))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
internal sealed partial class SlackTransportJsonContext : JsonSerializerContext;
