namespace SlackJit.Slack.Transport;

/// <summary>
/// Log events of the Slack transport (ids 2100–2199). Request bodies, tokens, the signing secret and
/// Socket Mode URLs (they carry a ticket) are never logged.
/// </summary>
internal static partial class SlackTransportLog
{
    // HTTP endpoints: 2100–2119.
    [LoggerMessage(LogEvents.SlackTransport.SignatureRejected, LogLevel.Warning, "Refused Slack request to {Path}: signature check {Reason}")]
    public static partial void SignatureRejected(ILogger logger, string path, SignatureCheck reason);

    [LoggerMessage(LogEvents.SlackTransport.BodyTooLarge, LogLevel.Warning, "Refused Slack request to {Path}: body over {LimitBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string path, int limitBytes);

    [LoggerMessage(LogEvents.SlackTransport.UnsupportedContentType, LogLevel.Warning, "Refused Slack request to {Path}: content type is not the one the endpoint takes (form or JSON)")]
    public static partial void UnsupportedContentType(ILogger logger, string path);

    [LoggerMessage(LogEvents.SlackTransport.BadRequest, LogLevel.Warning, "Refused Slack request to {Path}: {Problem}")]
    public static partial void BadRequest(ILogger logger, string path, string problem);

    [LoggerMessage(LogEvents.SlackTransport.UnknownInteractionType, LogLevel.Information, "Ignored interaction of type {InteractionType}: no handler for that type")]
    public static partial void UnknownInteractionType(ILogger logger, string interactionType);

    [LoggerMessage(LogEvents.SlackTransport.EventTypeIgnored, LogLevel.Debug, "Acknowledged an Events API body of type {BodyType} without dispatch")]
    public static partial void EventTypeIgnored(ILogger logger, string bodyType);

    // Dispatch: 2120–2139.
    [LoggerMessage(LogEvents.SlackTransport.UnknownCommand, LogLevel.Information, "No handler for slash command {Command}")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(LogEvents.SlackTransport.UnknownAction, LogLevel.Information, "No handler for action_id {ActionId}")]
    public static partial void UnknownAction(ILogger logger, string actionId);

    [LoggerMessage(LogEvents.SlackTransport.UnknownEvent, LogLevel.Debug, "No handler for event {EventType}; acknowledged")]
    public static partial void UnknownEvent(ILogger logger, string eventType);

    [LoggerMessage(LogEvents.SlackTransport.UnknownCallback, LogLevel.Information, "No handler for {Kind} callback_id {CallbackId}")]
    public static partial void UnknownCallback(ILogger logger, string kind, string callbackId);

    [LoggerMessage(LogEvents.SlackTransport.HandlerFailed, LogLevel.Error, "Slack {Kind} handler for {Key} failed")]
    public static partial void HandlerFailed(ILogger logger, string kind, string key, Exception exception);

    [LoggerMessage(LogEvents.SlackTransport.HandlerOverran, LogLevel.Warning, "Slack {Kind} handler for {Key} did not answer within {Timeout}; acknowledged with a holding reply")]
    public static partial void HandlerOverran(ILogger logger, string kind, string key, TimeSpan timeout);

    [LoggerMessage(LogEvents.SlackTransport.HandlerFailedLate, LogLevel.Error, "Slack {Kind} handler for {Key} failed after its reply was already sent")]
    public static partial void HandlerFailedLate(ILogger logger, string kind, string key, Exception exception);

    [LoggerMessage(LogEvents.SlackTransport.ForeignInput, LogLevel.Warning, "Refused a {Kind} from outside this app's workspace: {Why}")]
    public static partial void ForeignInput(ILogger logger, string kind, string why);

    // Socket Mode: 2150–2179.
    [LoggerMessage(LogEvents.SlackTransport.SocketModeOff, LogLevel.Debug, "Socket Mode is off: Slack:AppToken is not set")]
    public static partial void SocketModeOff(ILogger logger);

    [LoggerMessage(LogEvents.SlackTransport.OpenRefused, LogLevel.Warning, "apps.connections.open refused: {Error}")]
    public static partial void OpenRefused(ILogger logger, string error);

    [LoggerMessage(LogEvents.SlackTransport.OpenFailed, LogLevel.Warning, "apps.connections.open failed")]
    public static partial void OpenFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogEvents.SlackTransport.Connected, LogLevel.Information, "Socket Mode connected to {Host}")]
    public static partial void Connected(ILogger logger, string host);

    [LoggerMessage(LogEvents.SlackTransport.Hello, LogLevel.Debug, "Socket Mode hello received")]
    public static partial void Hello(ILogger logger);

    [LoggerMessage(LogEvents.SlackTransport.RefreshRequested, LogLevel.Information, "Socket Mode disconnect requested by Slack ({Reason}); reconnecting with a fresh URL")]
    public static partial void RefreshRequested(ILogger logger, string reason);

    [LoggerMessage(LogEvents.SlackTransport.LinkDisabled, LogLevel.Critical, "Socket Mode was disabled for this app by Slack (link_disabled); Socket Mode stops. Re-enable it in the app settings and restart")]
    public static partial void LinkDisabled(ILogger logger);

    [LoggerMessage(LogEvents.SlackTransport.ConnectionLost, LogLevel.Warning, "Socket Mode connection lost")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception);

    [LoggerMessage(LogEvents.SlackTransport.Reconnecting, LogLevel.Information, "Socket Mode reconnecting in {Delay} (attempt {Attempt})")]
    public static partial void Reconnecting(ILogger logger, TimeSpan delay, int attempt);

    [LoggerMessage(LogEvents.SlackTransport.EnvelopeIgnored, LogLevel.Debug, "Socket Mode envelope of type {EnvelopeType} acknowledged without dispatch")]
    public static partial void EnvelopeIgnored(ILogger logger, string envelopeType);

    [LoggerMessage(LogEvents.SlackTransport.BadEnvelope, LogLevel.Warning, "Socket Mode envelope {EnvelopeId} rejected: {Problem}")]
    public static partial void BadEnvelope(ILogger logger, string envelopeId, string problem);

    [LoggerMessage(LogEvents.SlackTransport.AckFailed, LogLevel.Warning, "Socket Mode ack for envelope {EnvelopeId} could not be sent")]
    public static partial void AckFailed(ILogger logger, string envelopeId, Exception exception);

    [LoggerMessage(LogEvents.SlackTransport.BadMessage, LogLevel.Warning, "Socket Mode ignored a message: {Problem}")]
    public static partial void BadMessage(ILogger logger, string problem);
}
