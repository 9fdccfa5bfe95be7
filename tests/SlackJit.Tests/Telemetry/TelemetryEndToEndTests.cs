using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SlackJit.Access;
using SlackJit.Audit;
using SlackJit.Telemetry;
using SlackJit.Tests.EndToEnd;
using SlackJit.Tests.Reliability.Faults;

namespace SlackJit.Tests.Telemetry;

/// <summary>After one full flow (<see cref="TelemetryFlowFixture"/>): what Prometheus scrapes, what a trace shows, what an auditor exports.</summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class TelemetryEndToEndTests(TelemetryFlowFixture flow) : IClassFixture<TelemetryFlowFixture>
{
    private SlackJitHarness Harness => flow.Harness;

    [Fact]
    public async Task Metrics_AfterTheFlow_EachMetricOnItsOwnPortWithTheFlowsValues()
    {
        var metrics = await ScrapeAsync(m => m.Value("slackjit_queue_depth") == 0);

        Assert.Equal(5, metrics.Value("slackjit_requests_total", ("resource", "analytics"), ("outcome", "created")));
        Assert.Equal(1, metrics.Value("slackjit_requests_total", ("resource", CreateRequestNoResource), ("outcome", "refused")));
        Assert.Equal(3, metrics.Value("slackjit_decisions_total", ("decision", "approved")));
        Assert.Equal(1, metrics.Value("slackjit_decisions_total", ("decision", "denied")));
        Assert.Equal(1, metrics.Value("slackjit_decisions_total", ("decision", "timed_out")));
        Assert.Equal(2, metrics.Value("slackjit_grants_issued_total"));
        Assert.Equal(1, metrics.Value("slackjit_grants_ended_total", ("how", "done")));
        Assert.Equal(1, metrics.Value("slackjit_grants_ended_total", ("how", "expired")));
        Assert.Equal(1, metrics.Value("slackjit_issue_failures_total", ("kind", "AccessDenied")));

        // The histograms hold the times the audit trail records (the clock is the harness's fake one).
        var decided = new[] { flow.Done, flow.Expired, flow.Failed }.Select(r => (r, AuditActions.Approved))
            .Append((flow.Denied, AuditActions.Denied)).Append((flow.TimedOut, AuditActions.TimedOut))
            .Select(x => (x.Item1.Events.Single(e => e.Action == x.Item2).At - x.Item1.CreatedAt).TotalSeconds).ToList();
        Assert.Equal(decided.Count, metrics.Sum("slackjit_time_to_decision_seconds_count"));
        Assert.Equal(decided.Sum(), metrics.Sum("slackjit_time_to_decision_seconds_sum"), precision: 3);
        Assert.Equal(3660, metrics.Value("slackjit_time_to_decision_seconds_sum", ("decision", "timed_out")), precision: 3);
        var issued = new[] { flow.Done, flow.Expired }
            .Select(r => (r.Events.Single(e => e.Action == AuditActions.Issued).At - r.Events.Single(e => e.Action == AuditActions.Approved).At).TotalSeconds).ToList();
        Assert.Equal(2, metrics.Value("slackjit_click_to_credentials_seconds_count"));
        Assert.Equal(issued.Sum(), metrics.Value("slackjit_click_to_credentials_seconds_sum"), precision: 3);

        Assert.Equal(0, metrics.Value("slackjit_queue_depth"));
        Assert.Equal(flow.LastSweepLag.TotalSeconds, metrics.Value("slackjit_sweeper_lag_seconds"), precision: 3);
    }

    [Fact]
    public async Task Metrics_ThePortSlackReaches_HasNoMetricsEndpoint()
    {
        using var response = await Harness.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Spans_AfterTheFlow_EachStepCarriesTheRequestId()
    {
        var spans = Snapshot();
        var done = SpansOf(spans, flow.Done.Id);
        foreach (var step in new[] { "request.create", "card.post", "request.decide", "grant.issue", "aws.sts.assume_role",
                     "aws.federation.signin_token", "dm.deliver_credentials", "card.update" })
        {
            Assert.True(done.Exists(s => s.OperationName == step), $"no {step} span for the request; it has: {string.Join(", ", done.Select(s => s.OperationName))}");
        }
        Assert.Contains(spans, s => s.OperationName == "slack.ack" && (string?)s.GetTagItem("slack.kind") == "slash command");
        Assert.Contains(spans, s => s.OperationName == "slack.ack" && (string?)s.GetTagItem("slack.kind") == "block_actions");
        var sweep = Assert.Single(spans, s => s.OperationName == "sweeper.pass");
        // Two as before, and the grant ended with "I'm done": its revocation is checked again one interval later.
        Assert.Equal(3, sweep.GetTagItem("slackjit.advanced"));
        // What the sweep did to a request (closing the expired grant) is in the sweep's trace.
        Assert.Contains(SpansOf(spans, flow.Expired.Id), s => s.TraceId == sweep.TraceId);

        // "I'm done" ends the grant at AWS through IAM: the deny policy's write is a client span of its own.
        Assert.Contains(spans, s => s.OperationName == "aws.iam.PutRolePolicy" && s.Kind == ActivityKind.Client
            && s.Status != ActivityStatusCode.Error);

        // The card is posted after the ack, on the work queue, and still in the ack's trace.
        var cardPost = done.Single(s => s.OperationName == "card.post");
        Assert.Contains(spans, s => s.OperationName == "slack.ack" && s.TraceId == cardPost.TraceId);

        // The STS refusal shows on its span as the error code, nothing more.
        var refused = Assert.Single(SpansOf(spans, flow.Failed.Id), s => s.OperationName == "aws.sts.assume_role");
        Assert.Equal(ActivityStatusCode.Error, refused.Status);
        Assert.Equal("AccessDenied", refused.StatusDescription);
    }

    [Fact]
    public void Spans_AfterTheFlow_NoSecretInAnyNameAttributeEventOrStatus()
    {
        var scan = Secrets();
        var spans = Snapshot();
        Assert.True(spans.Count > 20, $"only {spans.Count} spans");

        var leaks = spans.Select(s => (s.OperationName, Found: scan.FoundIn(Text(s)))).Where(x => x.Found.Count > 0)
            .Select(x => $"{string.Join(", ", x.Found)} in {x.OperationName}").ToList();

        Assert.True(leaks.Count == 0, "Secrets in spans:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task AuditExport_AfterTheFlow_EveryRequestAndNoSecret()
    {
        var scan = Secrets();
        var settings = new Dictionary<string, string?> { ["Store:Sqlite:Path"] = Path.Combine(Harness.DataDir, "slackjit.db") };

        foreach (var args in new[] { new[] { "export", "--format", "json" }, ["export", "--format", "csv"], ["report"] })
        {
            using var output = new MemoryStream();
            int code = await AuditCommandLine.RunAsync(
                ["audit", .. args, "--from", "2026-03-01", "--to", "2026-03-31"], output, new StringWriter(), null, settings, CancellationToken.None);
            var text = Encoding.UTF8.GetString(output.ToArray());

            Assert.Equal(0, code);
            Assert.Empty(scan.FoundIn(text));
            if (args[0] == "export")
            {
                Assert.Contains(Harness.Sts.Issued[0].AccessKeyId, text, StringComparison.Ordinal);
                Assert.All(new[] { flow.Done, flow.Expired, flow.Denied, flow.Failed, flow.TimedOut }, r => Assert.Contains(r.Id.ToString("D"), text, StringComparison.Ordinal));
            }
        }
    }

    private const string CreateRequestNoResource = SlackJit.Requests.CreateRequest.NoResource;

    private List<Activity> Snapshot()
    {
        lock (flow.Spans)
        {
            return [.. flow.Spans];
        }
    }

    private static List<Activity> SpansOf(List<Activity> spans, Guid id) =>
        [.. spans.Where(s => (string?)s.GetTagItem(SlackJitTelemetry.RequestIdTag) == id.ToString("D"))];

    private static string Text(Activity span) => string.Join("\n",
        new[] { span.OperationName, span.DisplayName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));

    private SecretScan Secrets()
    {
        var scan = new SecretScan()
            .Add("bot token", Harness.Slack.BotToken)
            .Add("signing secret", SlackJitHarness.SigningSecret);
        foreach (var (issued, i) in Harness.Sts.Issued.Select((c, i) => (c, i)))
        {
            scan.Add($"SecretAccessKey #{i + 1}", issued.SecretAccessKey).Add($"SessionToken #{i + 1}", issued.SessionToken);
        }
        foreach (var (token, i) in Harness.Federation.Tokens.Select((t, i) => (t, i)))
        {
            scan.Add($"sign-in token #{i + 1}", token);
        }
        foreach (var (link, i) in Harness.Slack.Calls().SelectMany(c => LoginLink().Matches(c.Args.ToJsonString()).Select(m => m.Value)).Distinct().Select((l, i) => (l, i)))
        {
            scan.Add($"sign-in link #{i + 1}", link);
        }
        // The search must know what it looks for: two grants were issued, each with a link.
        Assert.Equal(2, Harness.Sts.Issued.Count);
        Assert.True(scan.Count >= 8, $"only {scan.Count} secrets to look for");
        return scan;
    }

    private async Task<PrometheusText> ScrapeAsync(Func<PrometheusText, bool> ready)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var text = new PrometheusText(await http.GetStringAsync(Harness.MetricsUrl));
            if (ready(text) || Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
            {
                return text;
            }
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"https?://[^\s""<>|]*Action=login[^\s""<>|]*")]
    private static partial Regex LoginLink();

    /// <summary>The Prometheus text format, read as series (name and labels) to values.</summary>
    private sealed partial class PrometheusText(string text)
    {
        private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _series = Parse(text);

        public double Value(string name, params (string Key, string Value)[] labels)
        {
            var matching = _series.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
            Assert.True(matching.Count == 1, $"{matching.Count} series {name} {string.Join(",", labels)} in:\n{text}");
            return matching[0].Value;
        }

        public double Sum(string name) => _series.Where(s => s.Name == name).Sum(s => s.Value);

        private static List<(string, Dictionary<string, string>, double)> Parse(string text) =>
            [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(line =>
            {
                var m = Series().Match(line);
                Assert.True(m.Success, "not a series line: " + line);
                var labels = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups["k"].Value, l => l.Groups["v"].Value);
                return (m.Groups["name"].Value, labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
            })];

        [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>[^ ]+)( \d+)?$")]
        private static partial Regex Series();

        [GeneratedRegex(@"(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<v>(?:[^""\\]|\\.)*)""")]
        private static partial Regex Label();
    }
}
