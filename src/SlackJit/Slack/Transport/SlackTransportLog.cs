namespace SlackJit.Slack.Transport;

/// <summary>
/// Log events of the Slack transport (ids 2100–2199). Request bodies, tokens, the signing secret and
/// Socket Mode URLs (they carry a ticket) are never logged.
/// </summary>
internal static partial class SlackTransportLog
{
    // HTTP endpoints: 2100–2119.
    [LoggerMessage(2100, LogLevel.Warning, "Refused Slack request to {Path}: signature check {Reason}")]
    public static partial void SignatureRejected(ILogger logger, string path, SignatureCheck reason);

    [LoggerMessage(2101, LogLevel.Warning, "Refused Slack request to {Path}: body over {LimitBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string path, int limitBytes);

    [LoggerMessage(2102, LogLevel.Warning, "Refused Slack request to {Path}: content type is not form-encoded")]
    public static partial void UnsupportedContentType(ILogger logger, string path);

    [LoggerMessage(2103, LogLevel.Warning, "Refused Slack request to {Path}: {Problem}")]
    public static partial void BadRequest(ILogger logger, string path, string problem);

    [LoggerMessage(2104, LogLevel.Information, "Ignored interaction of type {InteractionType}: no handler for that type")]
    public static partial void UnknownInteractionType(ILogger logger, string interactionType);

    // Dispatch: 2120–2139.
    [LoggerMessage(2120, LogLevel.Information, "No handler for slash command {Command}")]
    public static partial void UnknownCommand(ILogger logger, string command);

    [LoggerMessage(2121, LogLevel.Information, "No handler for action_id {ActionId}")]
    public static partial void UnknownAction(ILogger logger, string actionId);

    [LoggerMessage(2122, LogLevel.Information, "No handler for {Kind} callback_id {CallbackId}")]
    public static partial void UnknownCallback(ILogger logger, string kind, string callbackId);

    [LoggerMessage(2123, LogLevel.Error, "Slack {Kind} handler for {Key} failed")]
    public static partial void HandlerFailed(ILogger logger, string kind, string key, Exception exception);

    [LoggerMessage(2124, LogLevel.Warning, "Slack {Kind} handler for {Key} did not answer within {Timeout}; acknowledged with a holding reply")]
    public static partial void HandlerOverran(ILogger logger, string kind, string key, TimeSpan timeout);

    [LoggerMessage(2125, LogLevel.Error, "Slack {Kind} handler for {Key} failed after its reply was already sent")]
    public static partial void HandlerFailedLate(ILogger logger, string kind, string key, Exception exception);

    // Socket Mode: 2150–2179.
    [LoggerMessage(2150, LogLevel.Debug, "Socket Mode is off: Slack:AppToken is not set")]
    public static partial void SocketModeOff(ILogger logger);

    [LoggerMessage(2151, LogLevel.Warning, "apps.connections.open refused: {Error}")]
    public static partial void OpenRefused(ILogger logger, string error);

    [LoggerMessage(2152, LogLevel.Warning, "apps.connections.open failed")]
    public static partial void OpenFailed(ILogger logger, Exception exception);

    [LoggerMessage(2153, LogLevel.Information, "Socket Mode connected to {Host}")]
    public static partial void Connected(ILogger logger, string host);

    [LoggerMessage(2154, LogLevel.Debug, "Socket Mode hello received")]
    public static partial void Hello(ILogger logger);

    [LoggerMessage(2155, LogLevel.Information, "Socket Mode disconnect requested by Slack ({Reason}); reconnecting with a fresh URL")]
    public static partial void RefreshRequested(ILogger logger, string reason);

    [LoggerMessage(2156, LogLevel.Critical, "Socket Mode was disabled for this app by Slack (link_disabled); Socket Mode stops. Re-enable it in the app settings and restart")]
    public static partial void LinkDisabled(ILogger logger);

    [LoggerMessage(2157, LogLevel.Warning, "Socket Mode connection lost")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception);

    [LoggerMessage(2158, LogLevel.Information, "Socket Mode reconnecting in {Delay} (attempt {Attempt})")]
    public static partial void Reconnecting(ILogger logger, TimeSpan delay, int attempt);

    [LoggerMessage(2159, LogLevel.Debug, "Socket Mode envelope of type {EnvelopeType} acknowledged without dispatch")]
    public static partial void EnvelopeIgnored(ILogger logger, string envelopeType);

    [LoggerMessage(2160, LogLevel.Warning, "Socket Mode envelope {EnvelopeId} rejected: {Problem}")]
    public static partial void BadEnvelope(ILogger logger, string envelopeId, string problem);

    [LoggerMessage(2161, LogLevel.Warning, "Socket Mode ack for envelope {EnvelopeId} could not be sent")]
    public static partial void AckFailed(ILogger logger, string envelopeId, Exception exception);

    [LoggerMessage(2162, LogLevel.Warning, "Socket Mode ignored a message: {Problem}")]
    public static partial void BadMessage(ILogger logger, string problem);
}
