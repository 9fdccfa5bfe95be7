using System.Globalization;

namespace SlackJit.Bench;

/// <summary>
/// The ack path: signed <c>/s3-access</c> commands that each create a request (verify, parse, decide,
/// cached eligibility, one limits read, one store write), against the bare verify-and-parse endpoint.
/// </summary>
internal static class AckBenchmark
{
    private const int Connections = 32;

    // Long enough for tiered compilation to settle on a busy 2-core machine: with 8 s, the JIT's background thread was
    // still compiling during the measured run (14 % of the server's CPU samples in one run under load 20).
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(15);

    /// <summary>Server CPU per created request the ack path must stay under.</summary>
    private const double CreateTargetMicroseconds = 80;

    /// <summary>Share of the bare endpoint's rate <c>/s3-access help</c> must reach.</summary>
    private const double HelpTargetShare = 0.80;

    // The timed warm-up sends at most this many of the measured list (it stops at Warmup).
    private static int WarmupShare(int count) => count / 2;

    public static async Task RunAsync(TimeSpan duration)
    {
        var started = DateTimeOffset.UtcNow;
        var loadBefore = LoadAverage();
        Console.WriteLine($"== ack path: signed slash commands over loopback, {Connections} connections, {duration.TotalSeconds:0} s each, {Environment.ProcessorCount} cores, load average {loadBefore}");
        var requests = LoadGenerator.SignedCommands(200_000, userOffset: 0, LoadGenerator.CreateText);
        var help = LoadGenerator.SignedCommands(BenchSettings.Users, userOffset: 0, _ => "help");

        var baseline = await RunBareAsync(requests, duration);
        Print("bare endpoint (verify + parse)", baseline);

        LoadGenerator.Result helped, ack, full;
        await using (var holding = await SlackStub.StartAsync(holdAfterAck: true))
        {
            helped = await RunAppAsync(holding, help, Answers.Help, duration, ackOnly: true, once: false);
            Print("SlackJit /s3-access help", helped);
            ack = await RunAppAsync(holding, requests, Answers.Created, duration, ackOnly: true, once: true);
            Print("SlackJit /s3-access, ack path only", ack);
        }
        await using (var slack = await SlackStub.StartAsync())
        {
            full = await RunAppAsync(slack, requests, Answers.Created, duration, ackOnly: false, once: true);
        }
        Print("SlackJit /s3-access, with after-ack work", full);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio: help serves {helped.PerSecond / baseline.PerSecond:P0} of the bare endpoint's rate; the create ack path {ack.PerSecond / baseline.PerSecond:P0} ({full.PerSecond / baseline.PerSecond:P0} with the after-ack work on the same cores)"));
        PrintTable(started, loadBefore, LoadAverage(), baseline, helped, ack, full);
    }

    /// <summary>
    /// Only the create ack path (no bare endpoint, no help, no after-ack run): the quick loop while working on it. The
    /// server's process id is printed before each measured run, so a profiler can attach to it. With more than one run
    /// (each a fresh server), the median and the spread are printed: on a shared machine one run says little.
    /// </summary>
    /// <param name="scattered">Requesters in a scattered order, as real requesters come, instead of in turn.</param>
    public static async Task RunCreateAsync(TimeSpan duration, int runs = 1, bool scattered = false)
    {
        Console.WriteLine($"== create ack path only: {Connections} connections, requesters {(scattered ? "scattered" : "in turn")}, {duration.TotalSeconds:0} s, {runs} run(s), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        await using var holding = await SlackStub.StartAsync(holdAfterAck: true);
        var cpu = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            // Signed afresh for each run: Slack's signatures are only good for five minutes.
            var requests = LoadGenerator.SignedCommands(200_000, userOffset: 0, LoadGenerator.CreateText, scattered);
            SettleLoadGenerator();
            var ack = await RunAppAsync(holding, requests, Answers.Created, duration, ackOnly: true, once: true);
            Print("SlackJit /s3-access, ack path only", ack);
            cpu.Add(CpuPerRequest(ack));
        }
        if (runs > 1)
        {
            var median = Median(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"create ack path, server CPU per request over {runs} runs: median {median:0.0} µs (runs {string.Join(", ", cpu.Select(c => c.ToString("0.0", CultureInfo.InvariantCulture)))}); target ≤ {CreateTargetMicroseconds:0} µs: {(median <= CreateTargetMicroseconds ? "met" : "not met")} on the median"));
        }
    }

    /// <summary>
    /// Only <c>/s3-access help</c> against the bare endpoint, back to back: the quick loop for that ratio. With more than
    /// one run, the median ratio and the spread are printed.
    /// </summary>
    public static async Task RunHelpAsync(TimeSpan duration, int runs = 1)
    {
        Console.WriteLine($"== help against bare: {Connections} connections, {duration.TotalSeconds:0} s each, {runs} run(s), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        await using var holding = await SlackStub.StartAsync(holdAfterAck: true);
        var ratios = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var requests = LoadGenerator.SignedCommands(200_000, userOffset: 0, LoadGenerator.CreateText);
            var help = LoadGenerator.SignedCommands(BenchSettings.Users, userOffset: 0, _ => "help");
            SettleLoadGenerator();
            var baseline = await RunBareAsync(requests, duration);
            Print("bare endpoint (verify + parse)", baseline);
            var helped = await RunAppAsync(holding, help, Answers.Help, duration, ackOnly: true, once: false);
            Print("SlackJit /s3-access help", helped);
            ratios.Add(helped.PerSecond / baseline.PerSecond);
        }
        if (runs > 1)
        {
            var median = Median(ratios);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"help's rate over the bare endpoint's, {runs} runs: median {median:P0} (runs {string.Join(", ", ratios.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))}); target ≥ {HelpTargetShare:P0}: {(median >= HelpTargetShare ? "met" : "not met")} on the median"));
        }
    }

    // The load generator shares the cores: the previous run's request lists (200,000 signed commands) are collected now,
    // not by a full collection in the middle of the next measured run.
    private static void SettleLoadGenerator()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The bare verify-and-parse endpoint in its own process: warmed, then measured.</summary>
    private static async Task<LoadGenerator.Result> RunBareAsync(
        IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> requests, TimeSpan duration)
    {
        await using var server = await AppProcess.StartAsync(BenchSettings.FreePort(), new Dictionary<string, string>(), BaselineServer.Mode);
        // The same connections for the warm-up and the measured run, as for SlackJit's runs (RunAppAsync).
        using var http = LoadGenerator.Client(server.BaseAddress, Connections);
        await LoadGenerator.RunAsync(http, requests, Answers.Bare, Connections, Warmup);
        var cpu = server.CpuTime();
        var baseline = await LoadGenerator.RunAsync(http, requests, Answers.Bare, Connections, duration);
        return baseline with { ServerCpu = server.CpuTime() - cpu };
    }

    /// <summary>The figures as the Markdown table of bench/RESULTS.md, with the load and whether each target is met.</summary>
    private static void PrintTable(
        DateTimeOffset started, string loadBefore, string loadAfter,
        LoadGenerator.Result bare, LoadGenerator.Result help, LoadGenerator.Result ack, LoadGenerator.Result full)
    {
        var helpShare = help.PerSecond / bare.PerSecond;
        var createCpu = CpuPerRequest(ack);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{started:yyyy-MM-dd HH:mm} UTC, load average {loadBefore} before and {loadAfter} after, {Environment.ProcessorCount} cores:"));
        Console.WriteLine();
        Console.WriteLine("| server | rate | server CPU per request | target |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row("bare endpoint: verify signature + parse form", bare, "—"));
        Console.WriteLine(Row("SlackJit `/s3-access help`", help,
            string.Create(CultureInfo.InvariantCulture, $"≥ {HelpTargetShare:P0} of bare: {helpShare:P0}, **{(helpShare >= HelpTargetShare ? "met" : "not met")}**"),
            string.Create(CultureInfo.InvariantCulture, $" ({helpShare:P0} of bare)")));
        Console.WriteLine(Row("SlackJit `/s3-access bucket/prefix 2h reason`, ack path only", ack,
            string.Create(CultureInfo.InvariantCulture, $"≤ {CreateTargetMicroseconds:0} µs: {createCpu:0} µs, **{(createCpu <= CreateTargetMicroseconds ? "met" : "not met")}**")));
        Console.WriteLine(Row("the same with the after-ack work (approval cards posted) on the same cores", full, "—"));
    }

    private static string Row(string name, LoadGenerator.Result r, string target, string rateNote = "") =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.PerSecond:N0} req/s{rateNote} | {CpuPerRequest(r):0} µs | {target} |");

    private static double CpuPerRequest(LoadGenerator.Result r) => r.ServerCpu.TotalMicroseconds / Math.Max(1, r.Ok + r.Other);

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "unknown".</summary>
    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]}, {fields[1]}, {fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <param name="ackOnly">
    /// Turns the after-ack work off (<see cref="BenchSettings.AckOnly"/>), so the figure is the ack path alone: what
    /// Slack waits for. Otherwise the approval cards are posted on the same cores while the load runs.
    /// </param>
    /// <param name="once">Send each request at most once (each creates a request), or cycle through the list (help).</param>
    private static async Task<LoadGenerator.Result> RunAppAsync(
        SlackStub slack, IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> requests, string expect, TimeSpan duration, bool ackOnly, bool once)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "slackjit-bench-" + Guid.NewGuid().ToString("N"));
        var port = BenchSettings.FreePort();
        var environment = BenchSettings.AppEnvironment(slack.ApiBaseUrl, dataDir, port);
        if (ackOnly)
        {
            BenchSettings.AckOnly(environment);
        }
        LoadGenerator.Result app;
        await using (var server = await AppProcess.StartAsync(port, environment))
        {
            // One set of keep-alive connections for the warm-ups and the measured run, as Slack keeps its own open: new
            // ones for the measured run made the runtime compile the server's once-per-connection code during it.
            using var http = LoadGenerator.Client(server.BaseAddress, Connections);
            // Warm-up fills the eligibility cache for every user, as a running app has it.
            await LoadGenerator.RunAsync(http, requests.Take(BenchSettings.Users).ToArray(), expect, Connections, TimeSpan.FromMinutes(2), once: true);
            // Then long enough for tiered compilation to settle, as in a process that has been up a while.
            IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> measured = once ? requests.Skip(BenchSettings.Users).ToArray() : requests;
            await LoadGenerator.RunAsync(http, measured, expect, Connections, Warmup, once);
            // Let the warm-up's queued card posts drain so they are not counted below.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Console.WriteLine($"  measuring server pid {server.Pid} for {duration.TotalSeconds:0} s");
            var cpu = server.CpuTime();
            // Requests the warm-up did not send: every requester stays under the limits.
            var rest = once ? measured.Skip(WarmupShare(measured.Count)).ToArray() : measured;
            app = await LoadGenerator.RunAsync(http, rest, expect, Connections, duration, once);
            app = app with { ServerCpu = server.CpuTime() - cpu };
        }
        TryDelete(dataDir);
        return app;
    }

    private static void Print(string name, LoadGenerator.Result r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-42} {r.PerSecond,10:N0} req/s   p50 {r.P50Ms,6:0.00} ms   p99 {r.P99Ms,6:0.00} ms   ok {r.Ok:N0}   other answers {r.Other:N0}   failed {r.Failed:N0}   server CPU {CpuPerRequest(r),5:0} µs/request"));

    internal static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
