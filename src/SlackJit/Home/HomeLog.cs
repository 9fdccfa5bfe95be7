namespace SlackJit.Home;

/// <summary>Log events of the App Home (ids 5400–5449). User ids only; no request content.</summary>
internal static partial class HomeLog
{
    [LoggerMessage(LogEvents.Home.Published, LogLevel.Debug, "Published the Home of {UserId} ({Blocks} blocks)")]
    public static partial void Published(ILogger logger, string userId, int blocks);

    [LoggerMessage(LogEvents.Home.PublishFailed, LogLevel.Warning, "Could not publish the Home of {UserId}: {Error}")]
    public static partial void PublishFailed(ILogger logger, string userId, string error);

    [LoggerMessage(LogEvents.Home.NotQueued, LogLevel.Warning, "The work queue is full: {Work} was dropped (the next Home open or change publishes again)")]
    public static partial void NotQueued(ILogger logger, string work);

    [LoggerMessage(LogEvents.Home.StoreUnavailable, LogLevel.Warning, "Could not read the store for the Home of {UserId}")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string userId);

    [LoggerMessage(LogEvents.Home.TabOff, LogLevel.Warning, "Slack says the app's Home tab is off (views.publish: not_enabled): turn on features.app_home.home_tab_enabled in the Slack app (see manifest.yml); Home refreshes pause until someone opens the Home tab")]
    public static partial void TabOff(ILogger logger);
}
