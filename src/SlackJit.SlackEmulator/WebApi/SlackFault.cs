namespace SlackJit.SlackEmulator.WebApi;

/// <summary>A failure the emulator injects into the next call(s) of one method.</summary>
public abstract record SlackFault
{
    private SlackFault()
    {
    }

    /// <summary>HTTP 429 with <c>Retry-After: seconds</c> and <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    public static SlackFault RateLimited(int retryAfterSeconds) => new RateLimit(retryAfterSeconds);

    /// <summary>An HTTP error status with a non-JSON body, as a failing proxy or Slack outage would send.</summary>
    public static SlackFault Status(int statusCode) => new HttpStatus(statusCode);

    /// <summary>Waits before answering normally (a slow Slack; lets client timeouts fire).</summary>
    public static SlackFault Delay(TimeSpan delay) => new Slow(delay);

    /// <summary>Answers normally once <paramref name="release"/> completes: a call held open for as long as a test needs.</summary>
    public static SlackFault Hold(Task release) => new Held(release);

    /// <summary>HTTP 200 with <c>{"ok":false,"error":code}</c>.</summary>
    public static SlackFault Error(string code) => new SlackError(code);

    public sealed record RateLimit(int RetryAfterSeconds) : SlackFault;

    public sealed record HttpStatus(int StatusCode) : SlackFault;

    public sealed record Slow(TimeSpan Duration) : SlackFault;

    public sealed record Held(Task Release) : SlackFault;

    public sealed record SlackError(string Code) : SlackFault;
}
