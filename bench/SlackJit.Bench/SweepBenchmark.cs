using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Storage;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Bench;

/// <summary>
/// The sweeper reads only due work: with a large table and a handful of due requests, one due-page read
/// must cost about the same as with a small table.
/// </summary>
internal static class SweepBenchmark
{
    public static async Task RunAsync()
    {
        Console.WriteLine("== sweeper: due-work read on SQLite as the table grows");
        // The first pass only warms the JIT (tiered compilation); the second is printed.
        foreach (var (size, print) in new[] { (1_000, false), (1_000, true), (10_000, true), (100_000, true) })
        {
            var dir = Path.Combine(Path.GetTempPath(), "slackjit-bench-" + Guid.NewGuid().ToString("N"));
            using var store = new SqliteAccessRequestStore(Path.Combine(dir, "s.db"), NullLogger<SqliteAccessRequestStore>.Instance);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < size; i++)
            {
                // The same 20 requests are due at every size; the rest are final (no DueAt) or due later.
                DateTimeOffset? due = i % (size / 20) == 0 ? now.AddMinutes(-1) : i % 2 == 0 ? null : now.AddDays(1);
                await store.CreateAsync(BenchRequests.New(i, now, due), CancellationToken.None);
            }
            for (var i = 0; i < 200; i++)
            {
                await store.GetDueAsync(now, 50, CancellationToken.None);
            }
            var sw = Stopwatch.StartNew();
            const int Reads = 2_000;
            var found = 0;
            for (var i = 0; i < Reads; i++)
            {
                found = (await store.GetDueAsync(now, 50, CancellationToken.None)).Count;
            }
            sw.Stop();
            if (print)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"table {size,8:N0} rows, {found,3} due: {sw.Elapsed.TotalMicroseconds / Reads,8:0.0} µs per due-page read"));
            }
            AckBenchmark.TryDelete(dir);
        }
    }
}
