using System.Text;

namespace SlackJit.Slack.Transport;

/// <summary>
/// The rendered answer to Slack: JSON as UTF-8, written as is to the HTTP 200 body or into the Socket Mode ack's
/// <c>payload</c>, or nothing (an empty 200 / an ack without payload).
/// </summary>
internal sealed record SlackResponseBody(byte[]? Utf8)
{
    public static SlackResponseBody Empty { get; } = new((byte[]?)null);

    public bool IsEmpty => Utf8 is null || Utf8.Length == 0;

    /// <summary>The same JSON as text (for reading it, e.g. in a test); null when empty.</summary>
    public string? Json => IsEmpty ? null : Encoding.UTF8.GetString(Utf8!);
}
