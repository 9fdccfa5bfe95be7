namespace SlackJit;

/// <summary>
/// Every log event id SlackJit uses, in one table, so none is used twice. Each area owns a range; the log classes
/// (<c>[LoggerMessage]</c>) take their ids from here. Operators alert on these ids: never renumber one.
/// </summary>
internal static class LogEvents
{
    /// <summary>The messaging seam (replies, ephemeral notices, DMs): 3200–3249.</summary>
    public static class Messaging
    {
        public const int ReplyFailed = 3200;
        public const int SlackFailed = 3201;
    }
}
