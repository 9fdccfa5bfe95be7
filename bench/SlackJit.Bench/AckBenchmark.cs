using System.Globalization;

namespace SlackJit.Bench;

/// <summary>
/// The ack path: signed <c>/s3-access</c> commands that each create a request (verify, parse, decide,
/// cached eligibility, one limits read, one store write), against the bare verify-and-parse endpoint.
/// </summary>
internal static class AckBenchmark
{
    private const int Connections = 32;

    public static async Task RunAsync(TimeSpan duration)
    {
        Console.WriteLine($"== ack path: signed slash commands over loopback, {Connections} connections, {duration.TotalSeconds:0} s each, {Environment.ProcessorCount} cores");
        var requests = LoadGenerator.SignedCommands(200_000, userOffset: 0);

        var baselinePort = BenchSettings.FreePort();
        LoadGenerator.Result baseline;
        await using (var server = await AppProcess.StartAsync(baselinePort, new Dictionary<string, string>(), BaselineServer.Mode))
        {
            await LoadGenerator.RunAsync(server.BaseAddress, requests, Connections, TimeSpan.FromSeconds(2));
            var cpu = server.CpuTime();
            baseline = await LoadGenerator.RunAsync(server.BaseAddress, requests, Connections, duration);
            baseline = baseline with { ServerCpu = server.CpuTime() - cpu };
        }
        Print("bare endpoint (verify + parse)", baseline);

        await using var slack = await SlackStub.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "slackjit-bench-" + Guid.NewGuid().ToString("N"));
        var port = BenchSettings.FreePort();
        LoadGenerator.Result app;
        await using (var server = await AppProcess.StartAsync(port, BenchSettings.AppEnvironment(slack.ApiBaseUrl, dataDir, port)))
        {
            // Warm-up fills the eligibility cache for every user, as a running app has it.
            await LoadGenerator.RunAsync(server.BaseAddress, requests.Take(BenchSettings.Users).ToArray(), Connections, TimeSpan.FromMinutes(2), once: true);
            // Let the warm-up's queued card posts drain so they are not counted below.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var cpu = server.CpuTime();
            var posts = slack.Calls;
            app = await LoadGenerator.RunAsync(server.BaseAddress, requests.Skip(BenchSettings.Users).ToArray(), Connections, duration);
            // Wait for the run's card posts to finish so their CPU is in the figure.
            for (var i = 0; i < 60 && slack.Calls - posts < app.Ok; i++)
            {
                await Task.Delay(500);
            }
            app = app with { ServerCpu = server.CpuTime() - cpu };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"approval cards posted after the ack for the measured run: {slack.Calls - posts:N0}"));
        }
        Print("SlackJit /s3-access (creates a request)", app);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: SlackJit serves {app.PerSecond / baseline.PerSecond:P0} of the bare endpoint's rate"));
        TryDelete(dataDir);
    }

    private static void Print(string name, LoadGenerator.Result r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-42} {r.PerSecond,10:N0} req/s   p50 {r.P50Ms,6:0.00} ms   p99 {r.P99Ms,6:0.00} ms   ok {r.Ok:N0}   failed {r.Failed:N0}   server CPU {r.ServerCpu.TotalMicroseconds / Math.Max(1, r.Ok),5:0} µs/request"));

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
