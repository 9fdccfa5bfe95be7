using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Slack.Blocks;

namespace SlackJit.Requests;

/// <summary>
/// The blocks of the answer to a created request: its text, and a row with Cancel (behind a confirmation) and, when
/// reminders are on, Nudge approvers (a break-glass grant has neither: it is issued already). Written straight to JSON
/// on the ack path (<see cref="BlockJson"/>; the button row from a copy, <see cref="AckActions"/>).
/// </summary>
internal sealed class AckBlocks(AccessRequest request, string text) : IBlocksJson
{
    public string Text => text;

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        BlockJson.Section(writer, text);
        if (request.BreakGlass is null)
        {
            // A break-glass grant has nothing to cancel or nudge: it is issued already.
            var actions = request.Reminders.Interval > TimeSpan.Zero ? AckActions.WithNudge : AckActions.CancelOnly;
            actions.WriteTo(writer, request);
        }
        writer.WriteEndArray();
    }

    /// <summary>The same blocks as nodes, for a message posted through the Web API (the form's answer comes as a DM).</summary>
    public JsonArray ToJsonArray()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!.AsArray();
    }
}
