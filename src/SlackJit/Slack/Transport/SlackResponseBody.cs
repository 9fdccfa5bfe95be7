namespace SlackJit.Slack.Transport;

/// <summary>
/// The rendered answer to Slack: JSON for the HTTP 200 body or the Socket Mode ack's <c>payload</c>,
/// or nothing (an empty 200 / an ack without payload).
/// </summary>
internal sealed record SlackResponseBody(string? Json)
{
    public static SlackResponseBody Empty { get; } = new((string?)null);

    public bool IsEmpty => string.IsNullOrEmpty(Json);
}
