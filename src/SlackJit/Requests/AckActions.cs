using System.Buffers;
using System.Text;
using System.Text.Json;
using SlackJit.Access;
using SlackJit.Slack.Blocks;

namespace SlackJit.Requests;

/// <summary>
/// The row of buttons under a created request's answer (Cancel behind a confirmation, and Nudge approvers when reminders
/// are on). Only the request's id (in each button's value) and its short id (in the confirmation's title) change from
/// one request to the next, and both have a fixed length: the row is written once through <see cref="BlockJson"/>, with
/// every check it makes, for a stand-in request, and each answer copies those bytes with its own ids in place.
/// </summary>
internal sealed class AckActions
{
    // The stand-in's ids: Guid.Empty's text and short id appear nowhere else in the row.
    private static readonly Guid StandIn = Guid.Empty;

    private readonly byte[] _row;
    private readonly int[] _idAt;
    private readonly int _shortIdAt;

    private AckActions(bool nudge)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, StandIn.ToString(), RequestIds.ToShort(StandIn), nudge);
        }
        _row = buffer.WrittenSpan.ToArray();
        _idAt = Find(_row, StandIn.ToString());
        var shortIds = Find(_row, RequestIds.ToShort(StandIn));
        if (_idAt.Length != (nudge ? 2 : 1) || shortIds.Length != 1)
        {
            throw new InvalidOperationException("The ack's button row holds the request's ids in unexpected places.");
        }
        _shortIdAt = shortIds[0];
    }

    public static AckActions WithNudge { get; } = new(nudge: true);

    public static AckActions CancelOnly { get; } = new(nudge: false);

    /// <summary>The row for <paramref name="request"/>, as <see cref="Write"/> writes it.</summary>
    public void WriteTo(Utf8JsonWriter writer, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> row = _row.Length <= 1024 ? stackalloc byte[_row.Length] : new byte[_row.Length];
        _row.CopyTo(row);
        Span<char> id = stackalloc char[36];
        request.Id.TryFormat(id, out _);
        foreach (var at in _idAt)
        {
            Encoding.ASCII.GetBytes(id, row.Slice(at, 36));
        }
        Encoding.ASCII.GetBytes(request.ShortId, row.Slice(_shortIdAt, RequestIds.ShortLength));
        writer.WriteRawValue(row, skipInputValidation: true);
    }

    /// <summary>The row written block by block: what the copies are made from, and what they must equal.</summary>
    public static void Write(Utf8JsonWriter writer, string id, string shortId, bool nudge)
    {
        var cancel = new ButtonJson(RequestsSlackKeys.CancelAction, "Cancel request", id,
            Confirm: new ConfirmDialog($"Cancel {shortId}?", "The approvers will see it as cancelled.", "Cancel request", "Keep it"));
        if (nudge)
        {
            BlockJson.Actions(writer, RequestsSlackKeys.AckActionsBlock, cancel, new ButtonJson(RequestsSlackKeys.NudgeAction, "Nudge approvers", id));
        }
        else
        {
            BlockJson.Actions(writer, RequestsSlackKeys.AckActionsBlock, cancel);
        }
    }

    private static int[] Find(byte[] row, string text)
    {
        var needle = Encoding.ASCII.GetBytes(text);
        var found = new List<int>();
        for (var at = row.AsSpan().IndexOf(needle); at >= 0;)
        {
            found.Add(at);
            var next = row.AsSpan(at + needle.Length).IndexOf(needle);
            at = next < 0 ? -1 : at + needle.Length + next;
        }
        return [.. found];
    }
}
