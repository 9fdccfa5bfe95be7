namespace SlackJit.Slack.Transport;

/// <summary>A Socket Mode URL to connect to, or the reason there is none (a Slack error code or an HTTP status).</summary>
internal sealed record ConnectionsOpenResult(Uri? Url, string? Error)
{
    public static ConnectionsOpenResult Failed(string error) => new(null, error);
}
