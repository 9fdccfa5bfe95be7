using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SlackJit.Slack.Api;

/// <summary>
/// The resilience pipeline around every Web API call (outermost first): a total timeout, retries, and a
/// per-attempt timeout (<c>Slack:RequestTimeout</c>).
/// <para>What is retried, and why:</para>
/// <list type="bullet">
/// <item>429: always, after at least <c>Retry-After</c> (plus a little jitter so replicas do not return together).
/// Slack did not process the call, so even a post cannot be duplicated. A wait above
/// <see cref="SlackApiRetryOptions.MaxRetryAfter"/> is not attempted: the caller gets <c>ratelimited</c>.</item>
/// <item>5xx: always. Slack's guidance is that a 5xx means the call failed; the rare duplicate post this may cause
/// is accepted over losing an approval card or a DM.</item>
/// <item>Connection failures before anything was sent: always.</item>
/// <item>Attempt timeouts and connections broken mid-request: only for idempotent calls (reads, chat.update,
/// conversations.open). For chat.postMessage/postEphemeral, views.open and response_url posts the request has
/// probably been processed, and a retry would show the user a second message or fail on a spent trigger_id.</item>
/// <item><c>ok:false</c> answers (HTTP 200): never; they are not transient.</item>
/// </list>
/// </summary>
internal static class SlackApiResilience
{
    public const string PipelineName = "slack-api";

    /// <summary>Jitter added on top of Retry-After, so the wait is never shorter than Slack asked.</summary>
    internal static readonly TimeSpan RetryAfterJitterMax = TimeSpan.FromMilliseconds(250);

    internal static readonly HttpRequestOptionsKey<bool> IdempotentKey = new("SlackJit.Slack.Idempotent");
    internal static readonly HttpRequestOptionsKey<string> MethodKey = new("SlackJit.Slack.Method");

    internal static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        SlackOptions slack,
        SlackApiRetryOptions retry,
        ILogger logger)
    {
        // Waits on the wire are real time. A FakeTimeProvider that drives domain time in tests must not freeze
        // HTTP retries and timeouts, so the pipeline never takes the TimeProvider from DI.
        var time = TimeProvider.System;
        builder.TimeProvider = time;
        builder.AddTimeout(retry.EffectiveTotalTimeout(slack.RequestTimeout));
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, retry.MaxRetryAfter, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome, time)),
                OnRetry = args =>
                {
                    SlackApiLog.Retrying(
                        logger,
                        MethodOf(args.Context),
                        Describe(args.Outcome),
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }
        builder.AddTimeout(slack.RequestTimeout);
    }

    internal static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxRetryAfter, TimeProvider time)
    {
        if (outcome.Result is { } response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return RetryAfter(response, time) is not { } wait || wait <= maxRetryAfter;
            }
            return (int)response.StatusCode >= 500;
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } => true,
            HttpRequestException or TimeoutRejectedException => IsIdempotent(context),
            _ => false,
        };
    }

    /// <summary>The 429 wait: at least Retry-After; null lets the exponential back-off decide.</summary>
    internal static TimeSpan? RetryAfterDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time)
    {
        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            return null;
        }
        var wait = RetryAfter(response, time) ?? TimeSpan.FromSeconds(1);
        return wait + TimeSpan.FromMilliseconds(Random.Shared.Next(50, (int)RetryAfterJitterMax.TotalMilliseconds));
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static bool IsIdempotent(ResilienceContext context) =>
        context.GetRequestMessage() is { } request
        && request.Options.TryGetValue(IdempotentKey, out var idempotent)
        && idempotent;

    private static string MethodOf(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(MethodKey, out var method)
            ? method
            : "unknown";

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? $"HTTP {(int)response.StatusCode}"
            : outcome.Exception?.GetType().Name ?? "unknown";
}
