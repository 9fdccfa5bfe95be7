using System.Buffers;
using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>
/// Turns one Socket Mode envelope into its ack: dispatches slash commands and interactions the way
/// the HTTP endpoints do, and always acks (Slack retries unacked envelopes), with the reply as
/// <c>payload</c> only when Slack accepts one and there is one.
/// </summary>
internal sealed class SocketModeEnvelopeProcessor(SlackDispatcher dispatcher, ILogger<SocketModeEnvelopeProcessor> logger)
{
    public async Task<byte[]> AckAsync(SocketModeMessage envelope, CancellationToken cancellationToken)
    {
        var envelopeId = envelope.EnvelopeId ?? throw new ArgumentException("Not an envelope.", nameof(envelope));
        var reply = await DispatchAsync(envelope, envelopeId, cancellationToken);
        return Ack(envelopeId, envelope.AcceptsResponsePayload ? reply : SlackResponseBody.Empty);
    }

    private async Task<SlackResponseBody> DispatchAsync(SocketModeMessage envelope, string envelopeId, CancellationToken ct)
    {
        switch (envelope.Type)
        {
            case SocketModeMessage.SlashCommands:
                if (!SlashCommandReader.TryRead(envelope.Payload, out var command, out var error))
                {
                    SlackTransportLog.BadEnvelope(logger, envelopeId, error);
                    return SlackResponseBody.Empty;
                }
                return await dispatcher.DispatchCommandAsync(command, ct);

            case SocketModeMessage.Interactive:
                var parse = SlackInteractionParser.Parse(envelope.Payload);
                if (parse.Error is not null)
                {
                    SlackTransportLog.BadEnvelope(logger, envelopeId, parse.Error);
                    return SlackResponseBody.Empty;
                }
                if (parse.Interaction is null)
                {
                    SlackTransportLog.UnknownInteractionType(logger, parse.UnknownType ?? "");
                    return SlackResponseBody.Empty;
                }
                return await dispatcher.DispatchInteractionAsync(parse.Interaction, ct);

            default:
                // events_api and anything newer: SlackJit subscribes to no events, so an ack is all it owes.
                SlackTransportLog.EnvelopeIgnored(logger, envelope.Type);
                return SlackResponseBody.Empty;
        }
    }

    internal static byte[] Ack(string envelopeId, SlackResponseBody reply)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (!reply.IsEmpty)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(reply.Utf8!);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
