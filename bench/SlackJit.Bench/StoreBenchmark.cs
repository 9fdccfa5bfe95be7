using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Storage;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Bench;

/// <summary>
/// The create's store write alone, in the benchmark's process: 32 callers create requests through the SQLite store's
/// capped create (count the requester's caps, insert, one group commit), as the ack path does, with no HTTP around
/// it. Its figure is the part of the create ack path that the store costs, with less of the machine's noise.
/// </summary>
internal static class StoreBenchmark
{
    public const int DefaultCallers = 32;
    private const int Warmup = 40_000;

    /// <param name="callers">Creates in flight at once: about the writes one commit can take.</param>
    /// <param name="scattered">
    /// Requesters in a scattered order instead of one after the other: each create's requester-keyed index entries land
    /// on a different page, as with real requesters, instead of next to the previous create's.
    /// </param>
    public static async Task RunAsync(int creates, int runs, int callers = DefaultCallers, bool scattered = false)
    {
        Console.WriteLine($"== store: SQLite capped creates in-process, {callers} callers, requesters {(scattered ? "scattered" : "in turn")}, {creates:N0} measured after {Warmup:N0}, {runs} run(s), {Environment.ProcessorCount} cores");
        var cpu = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var dir = Path.Combine(Path.GetTempPath(), "slackjit-bench-" + Guid.NewGuid().ToString("N"));
            using (var store = new SqliteAccessRequestStore(Path.Combine(dir, "slackjit.db"), NullLogger<SqliteAccessRequestStore>.Instance))
            {
                // The benchmark app's limits: 20 pending, the default hourly cap out of reach, both still counted.
                var caps = new RequesterCaps(20, 1_000, AccessPolicy.RateWindow);
                await CreateAsync(store, caps, 0, Warmup, callers, scattered);
                var process = Process.GetCurrentProcess();
                process.Refresh();
                var before = process.TotalProcessorTime;
                var io = ProcessIo.Read();
                var clock = Stopwatch.StartNew();
                await CreateAsync(store, caps, Warmup, creates, callers, scattered);
                clock.Stop();
                process.Refresh();
                var perCreate = (process.TotalProcessorTime - before).TotalMicroseconds / creates;
                var written = ProcessIo.Read() - io;
                cpu.Add(perCreate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"store create (count caps + insert, group commit)  {creates / clock.Elapsed.TotalSeconds,10:N0} creates/s   CPU {perCreate,5:0.0} µs/create   written {written.Bytes / 1024.0 / creates,5:0.0} KB in {(double)written.Writes / creates,4:0.0} writes, {(double)written.Reads / creates,4:0.00} reads per create"));
            }
            AckBenchmark.TryDelete(dir);
        }
        if (runs > 1)
        {
            var sorted = cpu.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store create, CPU per create over {runs} runs: median {sorted[runs / 2]:0.0} µs (runs {string.Join(", ", cpu.Select(c => c.ToString("0.0", CultureInfo.InvariantCulture)))})"));
        }
    }

    // Requesters take turns as in the ack benchmark (BenchSettings.Users of them), so each stays under its caps.
    private static async Task CreateAsync(SqliteAccessRequestStore store, RequesterCaps caps, int first, int count, int callers, bool scattered)
    {
        var next = first - 1;
        var last = first + count - 1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i <= last; i = Interlocked.Increment(ref next))
            {
                var now = DateTimeOffset.UtcNow;
                var requester = BenchSettings.UserOf(i, scattered);
                var outcome = await store.TryCreateWithinCapsAsync(BenchRequests.Pending(i, now, requester), caps, now, CancellationToken.None);
                if (outcome is not { Result: CreateResult.Created })
                {
                    throw new InvalidOperationException($"Create {i} was not created: {outcome}.");
                }
            }
        })));
    }
}
