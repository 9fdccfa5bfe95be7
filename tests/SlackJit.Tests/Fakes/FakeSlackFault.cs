namespace SlackJit.Tests.Fakes;

/// <summary>A failure the fake injects into the next call(s) of one method.</summary>
public abstract record FakeSlackFault
{
    private FakeSlackFault()
    {
    }

    /// <summary>HTTP 429 with <c>Retry-After: seconds</c> and <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    public static FakeSlackFault RateLimited(int retryAfterSeconds) => new RateLimit(retryAfterSeconds);

    /// <summary>An HTTP error status with a non-JSON body, as a failing proxy or Slack outage would send.</summary>
    public static FakeSlackFault Status(int statusCode) => new HttpStatus(statusCode);

    /// <summary>Waits before answering normally (a slow Slack; lets client timeouts fire).</summary>
    public static FakeSlackFault Delay(TimeSpan delay) => new Slow(delay);

    /// <summary>HTTP 200 with <c>{"ok":false,"error":code}</c>.</summary>
    public static FakeSlackFault Error(string code) => new SlackError(code);

    public sealed record RateLimit(int RetryAfterSeconds) : FakeSlackFault;

    public sealed record HttpStatus(int StatusCode) : FakeSlackFault;

    public sealed record Slow(TimeSpan Duration) : FakeSlackFault;

    public sealed record SlackError(string Code) : FakeSlackFault;
}
