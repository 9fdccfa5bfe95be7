extern alias app;

using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace SlackJit.Bench;

/// <summary>
/// Bytes allocated per request, which the machine's load does not change: the bare endpoint, <c>/s3-access help</c>
/// and the create command, each hosted in this process on an in-memory server (no sockets) and sent one after another
/// by a few callers. The figures include the in-memory client and server plumbing; the bare endpoint pays the same,
/// so the differences are what SlackJit adds.
/// </summary>
internal static class AllocationBenchmark
{
    public const string Mode = "alloc";

    private const int Callers = 8;

    private static AllocationSampler? s_sampler;

    /// <param name="only">Runs only this scenario (<c>bare</c>, <c>help</c> or <c>create</c>), e.g. under a profiler.</param>
    /// <param name="byType">Also prints which types the measured requests allocated (sampled; slows the run a little).</param>
    public static async Task RunAsync(int count, string? only = null, bool byType = false)
    {
        using var sampler = byType ? new AllocationSampler() : null;
        s_sampler = sampler;
        Console.WriteLine($"== allocations per request: in-process, in-memory server, {Callers} callers, {count:N0} requests per scenario after a warm-up");
        if (only is null or "bare")
        {
            await BareAsync(count);
        }
        if (only is null or "help" or "create")
        {
            await SlackJitAsync(count, only);
        }
    }

    private static async Task BareAsync(int count)
    {
        var requests = LoadGenerator.SignedCommands(count, userOffset: 0, LoadGenerator.CreateText);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        BaselineServer.Map(app);
        await app.StartAsync();
        using var client = app.GetTestClient();
        await MeasureAsync(client, requests, Answers.Bare, count);
        Print("bare endpoint (verify + parse)", await MeasureAsync(client, requests, Answers.Bare, count));
    }

    private static async Task SlackJitAsync(int count, string? only)
    {
        await using var slack = await SlackStub.StartAsync(holdAfterAck: true);
        var dataDir = Path.Combine(Path.GetTempPath(), "slackjit-bench-" + Guid.NewGuid().ToString("N"));
        var settings = BenchSettings.AppEnvironment(slack.ApiBaseUrl, dataDir, port: 0);
        BenchSettings.AckOnly(settings);
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("AWS_", StringComparison.Ordinal)))
        {
            // Read by the AWS SDK from the environment, as in the separate process.
            Environment.SetEnvironmentVariable(key, value);
        }
        // The app's content root is this folder (its appsettings.json is copied here), not a source folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SLACKJIT", AppContext.BaseDirectory);
        using (var factory = new WebApplicationFactory<app::Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            foreach (var (key, value) in settings.Where(s => !s.Key.StartsWith("AWS_", StringComparison.Ordinal) && !s.Key.StartsWith("ASPNETCORE_", StringComparison.Ordinal)))
            {
                web.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }
        }))
        {
            using var client = factory.CreateClient();
            if (only is null or "help")
            {
                var help = LoadGenerator.SignedCommands(count, userOffset: 0, _ => "help");
                await MeasureAsync(client, help, Answers.Help, count);
                Print("SlackJit /s3-access help", await MeasureAsync(client, help, Answers.Help, count));
            }
            if (only is null or "create")
            {
                // The warm-up fills the eligibility cache for the same requesters, as in a running app; with at most
                // 10,000 requests each of 20,000 requesters has at most two pending requests: under the limits.
                var create = LoadGenerator.SignedCommands(count, userOffset: 0, LoadGenerator.CreateText);
                await MeasureAsync(client, create, Answers.Created, count);
                Print("SlackJit /s3-access bucket/prefix 2h reason", await MeasureAsync(client, create, Answers.Created, count));
            }
        }
        AckBenchmark.TryDelete(dataDir);
    }

    private static async Task<Figures> MeasureAsync(
        HttpClient client, IReadOnlyList<(byte[] Body, string Timestamp, string Signature)> requests, string marker, int count)
    {
        long next = -1, expected = 0;
        var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu = process.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        s_sampler?.Start();
        var callers = Enumerable.Range(0, Callers).Select(async _ =>
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) < count)
            {
                var (body, ts, sig) = requests[(int)(n % requests.Count)];
                using var message = new HttpRequestMessage(HttpMethod.Post, "slack/commands") { Content = new ByteArrayContent(body) };
                message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
                message.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", ts);
                message.Headers.TryAddWithoutValidation("X-Slack-Signature", sig);
                using var response = await client.SendAsync(message);
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && text.Contains(marker, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref expected);
                }
            }
        }).ToArray();
        await Task.WhenAll(callers);
        s_sampler?.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        process.Refresh();
        return new Figures(count, expected, allocated / (double)count, (process.TotalProcessorTime - cpu).TotalMicroseconds / count);
    }

    private static void Print(string name, Figures f)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-46} {f.BytesPerRequest / 1024,7:0.0} KB/request   process CPU {f.CpuMicrosecondsPerRequest,5:0} µs/request   answered as expected {f.Expected:N0} of {f.Count:N0}"));
        s_sampler?.Print(f.Count);
    }

    private sealed record Figures(int Count, long Expected, double BytesPerRequest, double CpuMicrosecondsPerRequest);
}
