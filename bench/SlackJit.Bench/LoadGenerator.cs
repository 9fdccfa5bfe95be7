using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SlackJit.Bench;

/// <summary>
/// Sends pre-signed slash commands over loopback with a fixed number of connections for a fixed time.
/// Bodies and signatures are made before the clock starts so the client spends its CPU on HTTP only.
/// </summary>
internal static class LoadGenerator
{
    /// <param name="Ok">200s that hold the expected answer.</param>
    /// <param name="Other">200s with another answer (e.g. a refusal), not counted in the rate.</param>
    public sealed record Result(long Ok, long Other, long Failed, TimeSpan Elapsed, double P50Ms, double P99Ms)
    {
        /// <summary>CPU the server process used for this run (set by the caller).</summary>
        public TimeSpan ServerCpu { get; init; }

        public double PerSecond => Ok / Elapsed.TotalSeconds;
    }

    /// <summary>The create command, <c>/s3-access analytics-prod/reports 2h INC-{i} benchmark</c>.</summary>
    public static string CreateText(int i) => $"analytics-prod%2Freports+2h+INC-{i}+benchmark";

    /// <param name="text">The command's text for request <c>i</c>, form-encoded.</param>
    /// <param name="scattered">Requesters in a scattered order instead of in turn (<see cref="BenchSettings.UserOf"/>).</param>
    public static IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> SignedCommands(
        int count, int userOffset, Func<int, string> text, bool scattered = false)
    {
        var secret = Encoding.UTF8.GetBytes(BenchSettings.SigningSecret);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var list = new List<(byte[], string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var user = $"U{BenchSettings.UserOf(userOffset + i, scattered):D8}";
            var body = Encoding.UTF8.GetBytes(
                $"token=x&team_id=T0BENCH&channel_id=C0GENERAL&user_id={user}&command=%2Fs3-access" +
                $"&text={text(i)}&api_app_id=A0BENCH" +
                $"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0%2F{i}%2Fx&trigger_id={i}.1.x");
            var mac = HMACSHA256.HashData(secret, (byte[])[.. Encoding.ASCII.GetBytes($"v0:{ts}:"), .. body]);
            list.Add((body, ts, "v0=" + Convert.ToHexStringLower(mac)));
        }
        return list;
    }

    /// <summary>
    /// A client that keeps up to <paramref name="connections"/> keep-alive connections to the server, for several runs
    /// in a row (<see cref="RunAsync(HttpClient, IReadOnlyList{ValueTuple{byte[], string, string}}, string, int, TimeSpan, bool)"/>).
    /// </summary>
    public static HttpClient Client(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };

    /// <summary>One run on connections of its own.</summary>
    public static async Task<Result> RunAsync(
        Uri baseAddress, IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> requests, string expect, int connections, TimeSpan duration, bool once = false)
    {
        using var http = Client(baseAddress, connections);
        return await RunAsync(http, requests, expect, connections, duration, once);
    }

    /// <param name="http">The client, whose open connections a run takes over from the one before.</param>
    /// <param name="expect">Text every intended answer holds (<see cref="Answers"/>).</param>
    /// <param name="once">Send each request once and stop (a warm-up), or when <paramref name="duration"/> ends.</param>
    public static async Task<Result> RunAsync(
        HttpClient http, IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> requests, string expect, int connections, TimeSpan duration, bool once = false)
    {
        var expected = Encoding.UTF8.GetBytes(expect);
        long ok = 0, other = 0, failed = 0, next = -1;
        var latencies = new List<double>[connections];
        var stopAt = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(capacity: 100_000);
            while (stopAt.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref next);
                if (once && n >= requests.Count)
                {
                    break;
                }
                var i = (int)(n % requests.Count);
                var (body, ts, sig) = requests[i];
                using var message = new HttpRequestMessage(HttpMethod.Post, "slack/commands") { Content = new ByteArrayContent(body) };
                message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
                message.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", ts);
                message.Headers.TryAddWithoutValidation("X-Slack-Signature", sig);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(message);
                    var answer = await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failed);
                    }
                    else if (answer.AsSpan().IndexOf(expected) >= 0)
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        Interlocked.Increment(ref other);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref failed);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = stopAt.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        return new Result(ok, other, failed, elapsed, Percentile(0.50), Percentile(0.99));
    }
}
