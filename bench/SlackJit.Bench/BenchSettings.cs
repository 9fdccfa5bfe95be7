namespace SlackJit.Bench;

/// <summary>Settings shared by the benchmarks: one signing secret, a small catalog, users that stay under the abuse limits.</summary>
internal static class BenchSettings
{
    public const string SigningSecret = "bench-signing-secret";
    public const string ApproverChannel = "C0BENCHAPPROVERS";
    public const int Users = 20_000;

    /// <summary>
    /// The requester of the <paramref name="i"/>-th request: in turn (key order, so a requester's index entries sit next
    /// to the previous one's), or scattered by a fixed stride prime to <see cref="Users"/> (each still once a round),
    /// as real requesters come.
    /// </summary>
    public static int UserOf(int i, bool scattered) => scattered ? (int)((long)i * 7_919 % Users) : i % Users;

    /// <summary>Environment for a SlackJit process pointed at the stub Slack, with its own store.</summary>
    public static Dictionary<string, string> AppEnvironment(string slackApiBaseUrl, string dataDir, int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_REGION"] = "us-east-1",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Slack__SigningSecret"] = SigningSecret,
        ["Slack__BotToken"] = "xoxb-bench",
        ["Slack__ApiBaseUrl"] = slackApiBaseUrl,
        ["Slack__ApproverChannel"] = ApproverChannel,
        ["Slack__VerifyTokenOnStart"] = "false",
        ["Aws__RoleArn"] = "arn:aws:iam::123456789012:role/slackjit-read",
        // Nothing is approved in the benchmark; keep STS and federation on a closed loopback port anyway.
        ["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:9/",
        ["Aws__SigninUrl"] = "http://127.0.0.1:9/federation",
        ["Store__Provider"] = "Sqlite",
        ["Store__Sqlite__Path"] = Path.Combine(dataDir, "slackjit.db"),
        ["Access__RequireReason"] = "true",
        // Every measured command must create a request: a run sends each requester up to ~10 (the default allows 5
        // pending), and a refusal is a different, cheaper path. The limits are still read and checked on every request.
        ["Access__MaxPendingPerRequester"] = "20",
        ["Access__Resources__0__Name"] = "analytics",
        ["Access__Resources__0__Bucket"] = "analytics-prod",
        ["Access__Resources__0__MaxDuration"] = "04:00:00",
        ["Access__Resources__0__Approvers__0"] = "U0APPROVER",
    };

    /// <summary>
    /// Turns the after-ack work off (a one-item queue, no sweeper; with a stub that holds every after-ack call, the
    /// workers do nothing more), so the figure is the ack path alone: what Slack waits for. The "queue is full" warnings this causes on every request are an artefact of the switch, so they are
    /// not logged (a log line to the console would cost more than the rest of the request).
    /// </summary>
    public static void AckOnly(Dictionary<string, string> environment)
    {
        environment["Lifecycle__QueueCapacity"] = "1";
        environment["Lifecycle__SweeperEnabled"] = "false";
        // The held calls fail when the app stops (time-outs, cancelled publishes): artefacts of the switch, not news.
        environment["Logging__LogLevel__SlackJit.Lifecycle.WorkQueue"] = "Critical";
        environment["Logging__LogLevel__SlackJit.Slack.Api"] = "Error";
        environment["Logging__LogLevel__SlackJit.Requests.RequestFollowUps"] = "Error";
        environment["Logging__LogLevel__SlackJit.Home"] = "Error";
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
