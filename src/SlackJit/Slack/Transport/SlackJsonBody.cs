namespace SlackJit.Slack.Transport;

/// <summary>
/// Endpoint metadata: this Slack endpoint takes a JSON body (the Events API) rather than a form, so
/// <see cref="SlackRequestFilter"/> verifies it the same way and hands it on as <see cref="SlackJsonFeature"/>.
/// </summary>
internal sealed class SlackJsonBody
{
    public static SlackJsonBody Instance { get; } = new();

    private SlackJsonBody()
    {
    }
}
