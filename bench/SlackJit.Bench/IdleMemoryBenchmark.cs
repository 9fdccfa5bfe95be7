using System.Globalization;

namespace SlackJit.Bench;

/// <summary>
/// Resident memory of an idle SlackJit process on the embedded store (target: under 100 MB): after start-up, and
/// again once a burst of creates and its after-ack work (cards posted, Homes republished) is over.
/// </summary>
internal static class IdleMemoryBenchmark
{
    private const int Burst = 20_000;

    public static async Task RunAsync()
    {
        Console.WriteLine("== idle memory: SlackJit on SQLite, no traffic");
        await using var slack = await SlackStub.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "slackjit-bench-" + Guid.NewGuid().ToString("N"));
        var port = BenchSettings.FreePort();
        await using (var server = await AppProcess.StartAsync(port, BenchSettings.AppEnvironment(slack.ApiBaseUrl, dataDir, port)))
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            await http.GetAsync("readyz");
            await Task.Delay(TimeSpan.FromSeconds(5));
            var rss = server.ResidentBytes();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle resident memory after start-up + 5 s: {rss / 1024.0 / 1024.0:0.0} MB (target < 100 MB)  [{server.ResidentBreakdown()}]"));

            var burst = LoadGenerator.SignedCommands(Burst, userOffset: 0, LoadGenerator.CreateText);
            var sent = await LoadGenerator.RunAsync(server.BaseAddress, burst, Answers.Created, 32, TimeSpan.FromMinutes(3), once: true);
            var quiet = await WaitForQuietAsync(server, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(10));
            rss = server.ResidentBytes();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"idle resident memory 10 s after a burst of {sent.Ok:N0} creates ({slack.Calls:N0} Slack calls, after-ack work {(quiet ? "drained" : "still running after 90 s")}): {rss / 1024.0 / 1024.0:0.0} MB  [{server.ResidentBreakdown()}]"));
        }
        AckBenchmark.TryDelete(dataDir);
    }

    // The after-ack work is over when the server spends less than 2 % of a core for a whole second.
    private static async Task<bool> WaitForQuietAsync(AppProcess server, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            var before = server.CpuTime();
            await Task.Delay(TimeSpan.FromSeconds(1));
            if ((server.CpuTime() - before).TotalMilliseconds < 20)
            {
                return true;
            }
        }
        return false;
    }
}
