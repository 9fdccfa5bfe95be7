using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackJit.Access;
using SlackJit.Slack.Blocks;

namespace SlackJit.Requests;

/// <summary>
/// The blocks of the answer to a created request: its text, and a row with Cancel (behind a confirmation) and, when
/// reminders are on, Nudge approvers (a break-glass grant has neither: it is issued already). Written straight to JSON
/// on the ack path (<see cref="BlockJson"/>).
/// </summary>
internal sealed class AckBlocks(AccessRequest request, string text) : IBlocksJson
{
    public string Text => text;

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var id = request.Id.ToString();
        var cancel = new ButtonJson(RequestsSlackKeys.CancelAction, "Cancel request", id,
            Confirm: new ConfirmDialog($"Cancel {request.ShortId}?", "The approvers will see it as cancelled.", "Cancel request", "Keep it"));
        writer.WriteStartArray();
        BlockJson.Section(writer, text);
        if (request.BreakGlass is null)
        {
            // A break-glass grant has nothing to cancel or nudge: it is issued already.
            if (request.Reminders.Interval > TimeSpan.Zero)
            {
                BlockJson.Actions(writer, RequestsSlackKeys.AckActionsBlock, cancel, new ButtonJson(RequestsSlackKeys.NudgeAction, "Nudge approvers", id));
            }
            else
            {
                BlockJson.Actions(writer, RequestsSlackKeys.AckActionsBlock, cancel);
            }
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
