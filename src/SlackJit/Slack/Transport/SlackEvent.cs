namespace SlackJit.Slack.Transport;

/// <summary>
/// One Events API <c>event_callback</c> (docs/SLACK-PLATFORM.md, "Events"): the outer envelope's workspace, app and
/// event id, and the fields SlackJit reads of the inner event. The inner event's <c>type</c> picks the handler.
/// </summary>
/// <param name="Type">The inner event's type, e.g. <c>app_home_opened</c>.</param>
/// <param name="UserId">The inner event's <c>user</c> (who opened the Home, …); empty when the event has none.</param>
/// <param name="Tab">For <c>app_home_opened</c>: <c>home</c> or <c>messages</c>; null otherwise.</param>
internal sealed record SlackEvent(
    string Type,
    string UserId,
    string? Tab,
    string? TeamId,
    string? ApiAppId,
    string? EventId)
{
    public const string Callback = "event_callback";
    public const string UrlVerification = "url_verification";
    public const string AppHomeOpened = "app_home_opened";
}
