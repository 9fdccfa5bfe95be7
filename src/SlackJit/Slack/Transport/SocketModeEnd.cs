namespace SlackJit.Slack.Transport;

/// <summary>How a Socket Mode session ended, which decides what the service does next.</summary>
internal enum SocketModeEnd
{
    /// <summary>Slack asked for a new connection (<c>warning</c>, <c>refresh_requested</c>): reconnect now.</summary>
    Refresh,

    /// <summary>The connection failed or dropped: reconnect after a back-off.</summary>
    Dropped,

    /// <summary>Slack turned Socket Mode off for the app (<c>link_disabled</c>): stop.</summary>
    LinkDisabled,

    /// <summary>The app is shutting down.</summary>
    Stopped,
}
