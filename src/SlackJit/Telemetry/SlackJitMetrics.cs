using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SlackJit.Telemetry;

/// <summary>
/// SlackJit's instruments, on one <see cref="Meter"/> named <see cref="SlackJitTelemetry.Name"/>. With no exporter
/// configured nothing listens and recording costs next to nothing. Names and tags are a contract with dashboards
/// (README "Metrics"): rename nothing.
/// </summary>
internal sealed class SlackJitMetrics
{
    private readonly Counter<long> _requests;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _grantsIssued;
    private readonly Counter<long> _grantsEnded;
    private readonly Counter<long> _issueFailures;
    private readonly Counter<long> _cardFailures;
    private readonly Counter<long> _dmCleanupFailures;
    private readonly Histogram<double> _timeToDecision;
    private readonly Histogram<double> _clickToCredentials;
    // People decide in minutes to an hour; credentials arrive in about a second.
    private static readonly double[] DecisionBuckets = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
    private static readonly double[] CredentialsBuckets = [0.25, 0.5, 1, 2, 3, 5, 10, 30, 60, 300];

    private long _queueDepth;
    private long _sweeperLagMs;

    public SlackJitMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(SlackJitTelemetry.Name);
        _requests = meter.CreateCounter<long>("slackjit.requests", "{request}", "Access requests received, by resource and outcome (created, refused, unavailable).");
        _decisions = meter.CreateCounter<long>("slackjit.decisions", "{decision}", "Decisions on pending requests: approved, denied, cancelled, timed_out.");
        _grantsIssued = meter.CreateCounter<long>("slackjit.grants.issued", "{grant}", "Credential sets delivered (first issue and renewals).");
        _grantsEnded = meter.CreateCounter<long>("slackjit.grants.ended", "{grant}", "Grants ended, by how: expired, done, revoked.");
        _issueFailures = meter.CreateCounter<long>("slackjit.issue.failures", "{failure}", "Failed attempts to issue credentials, by kind (an STS or federation error code).");
        _cardFailures = meter.CreateCounter<long>("slackjit.card.failures", "{failure}", "Approval cards that could not be posted, by kind (Slack's error code).");
        _dmCleanupFailures = meter.CreateCounter<long>("slackjit.dm_cleanup.failures", "{failure}",
            "Failed attempts to take credentials out of an ended grant's DM, by kind (Slack's error code); the DM may still show them.");
        _timeToDecision = meter.CreateHistogram("slackjit.time_to_decision", "s", "From the request to the deciding approval or deny.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DecisionBuckets });
        _clickToCredentials = meter.CreateHistogram("slackjit.click_to_credentials", "s", "From the deciding approval to the credentials in the requester's DM.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CredentialsBuckets });
        meter.CreateObservableGauge("slackjit.queue.depth", () => Volatile.Read(ref _queueDepth), "{item}", "Work items waiting in the after-ack queue.");
        meter.CreateObservableGauge("slackjit.sweeper.lag", () => Volatile.Read(ref _sweeperLagMs) / 1000.0, "s", "How overdue the oldest due request was at the last sweep.");
    }

    public void RequestReceived(string resource, string outcome) =>
        _requests.Add(1, new TagList { { SlackJitTelemetry.ResourceTag, resource }, { SlackJitTelemetry.OutcomeTag, outcome } });

    /// <summary>A pending request was decided; <paramref name="waited"/> is from its creation to the decision.</summary>
    public void Decided(string decision, TimeSpan waited)
    {
        var tags = new TagList { { SlackJitTelemetry.DecisionTag, decision } };
        _decisions.Add(1, tags);
        _timeToDecision.Record(Math.Max(0, waited.TotalSeconds), tags);
    }

    /// <summary>Credentials reached the DM; <paramref name="sinceApproval"/> is null for a renewal.</summary>
    public void GrantIssued(TimeSpan? sinceApproval)
    {
        _grantsIssued.Add(1);
        if (sinceApproval is { } waited)
        {
            _clickToCredentials.Record(Math.Max(0, waited.TotalSeconds));
        }
    }

    /// <summary><paramref name="how"/> is one of <see cref="GrantEndHow"/>.</summary>
    public void GrantEnded(string how) => _grantsEnded.Add(1, new KeyValuePair<string, object?>(SlackJitTelemetry.HowTag, how));

    /// <summary><paramref name="kind"/> is an error code (e.g. <c>AccessDenied</c>, <c>Throttling</c>), never a message.</summary>
    public void IssueFailed(string kind) => _issueFailures.Add(1, new KeyValuePair<string, object?>(SlackJitTelemetry.KindTag, kind));

    /// <summary><paramref name="kind"/> is Slack's error code (e.g. <c>not_in_channel</c>).</summary>
    public void CardFailed(string kind) => _cardFailures.Add(1, new KeyValuePair<string, object?>(SlackJitTelemetry.KindTag, kind));

    /// <summary>One failed DM clean-up attempt; <paramref name="kind"/> is Slack's error code.</summary>
    public void DmCleanupFailed(string kind) => _dmCleanupFailures.Add(1, new KeyValuePair<string, object?>(SlackJitTelemetry.KindTag, kind));

    public void SetQueueDepth(long depth) => Volatile.Write(ref _queueDepth, Math.Max(0, depth));

    /// <summary>Zero when nothing due was waiting.</summary>
    public void SetSweeperLag(TimeSpan lag) => Volatile.Write(ref _sweeperLagMs, (long)Math.Max(0, lag.TotalMilliseconds));
}
