using System.Globalization;

namespace SlackJit.Bench;

/// <summary>Resident memory of an idle SlackJit process on the embedded store (target: under 100 MB).</summary>
internal static class IdleMemoryBenchmark
{
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle resident memory after start-up + 5 s: {rss / 1024.0 / 1024.0:0.0} MB (target < 100 MB)"));
        }
        AckBenchmark.TryDelete(dataDir);
    }
}
