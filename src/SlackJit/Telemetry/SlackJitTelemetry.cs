using System.Diagnostics;

namespace SlackJit.Telemetry;

/// <summary>
/// The one name SlackJit's spans and metrics are published under, and its <see cref="ActivitySource"/>.
/// Span and tag names are here so the flow and the tests use the same words (README, "Operate and audit it").
/// Nothing secret is ever a tag: ids, names, outcomes and error codes only.
/// </summary>
internal static class SlackJitTelemetry
{
    public const string Name = "SlackJit";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The request id (full GUID) on every span about one request.</summary>
    public const string RequestIdTag = "slackjit.request_id";

    public const string ResourceTag = "resource";
    public const string OutcomeTag = "outcome";
    public const string DecisionTag = "decision";
    public const string HowTag = "how";
    public const string KindTag = "kind";

    /// <summary>Starts a span with the request id set, or null when nobody listens (no cost then).</summary>
    public static Activity? StartRequestSpan(string name, Guid requestId, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = Source.StartActivity(name, kind);
        activity?.SetTag(RequestIdTag, requestId.ToString("D"));
        return activity;
    }

    /// <summary>
    /// Starts a span inside the current one, carrying its request id along (for steps that are handed credentials or
    /// a channel rather than the request), or null when nobody listens.
    /// </summary>
    public static Activity? StartStepSpan(string name, ActivityKind kind = ActivityKind.Internal)
    {
        var requestId = Activity.Current?.GetTagItem(RequestIdTag);
        var activity = Source.StartActivity(name, kind);
        if (requestId is not null)
        {
            activity?.SetTag(RequestIdTag, requestId);
        }
        return activity;
    }

    /// <summary>Marks a span failed with an error code (never an exception message, which may quote input).</summary>
    public static void Fail(this Activity? activity, string code)
    {
        activity?.SetStatus(ActivityStatusCode.Error, code);
        activity?.SetTag("error.type", code);
    }
}
