using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SlackJit.Slack.Transport;

/// <summary>Renders handler answers into the JSON Slack expects in a response body or ack payload.</summary>
internal static class SlackResponseJson
{
    public static SlackResponseBody Render(SlackResponse response)
    {
        if (response.IsEmpty)
        {
            return SlackResponseBody.Empty;
        }
        if (response.Rendered is { } rendered)
        {
            return rendered;
        }
        return Write(writer =>
        {
            writer.WriteString("response_type", response.ResponseType == SlackResponseType.InChannel ? "in_channel" : "ephemeral");
            if (response.Text is not null)
            {
                writer.WriteString("text", response.Text);
            }
            if (response.Blocks is not null)
            {
                writer.WritePropertyName("blocks");
                response.Blocks.WriteTo(writer);
            }
            else if (response.BlocksJson is not null)
            {
                writer.WritePropertyName("blocks");
                response.BlocksJson.WriteTo(writer);
            }
        });
    }

    public static SlackResponseBody Render(ViewSubmissionResponse response)
    {
        if (response.ResponseAction is null)
        {
            return SlackResponseBody.Empty;
        }
        return Write(writer =>
        {
            writer.WriteString("response_action", response.ResponseAction);
            if (response.Errors is not null)
            {
                writer.WriteStartObject("errors");
                foreach (var (blockId, message) in response.Errors)
                {
                    writer.WriteString(blockId, message);
                }
                writer.WriteEndObject();
            }
            if (response.View is not null)
            {
                writer.WritePropertyName("view");
                response.View.WriteTo(writer);
            }
        });
    }

    // One buffer and writer per thread, reused: rendering is synchronous, and an answer is small (a large one is
    // not kept).
    private const int KeepBufferBytes = 64 * 1024;

    // The answer is read by Slack as JSON, never placed in a web page: mrkdwn's <@U…>, <#C…> and `code` go out as they
    // are instead of as \u003C…, which also keeps them on the writer's fast path. Quotes, backslashes and control
    // characters are still escaped, so the JSON is the same value.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static SlackResponseBody Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        try
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
            writer.Flush();
            return new SlackResponseBody(buffer.WrittenSpan.ToArray());
        }
        finally
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            if (buffer.Capacity > KeepBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }
}
