using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using SlackJit.Access;
using SlackJit.Audit;
using SlackJit.Storage.Sqlite;

namespace SlackJit.Bench;

/// <summary>
/// <c>audit export</c> and <c>audit report</c> over 100,000 stored requests on SQLite, run as the command runs them
/// (settings, store, index walk, CSV/JSON/Markdown) into a file. Target: the CSV export in under 10 s.
/// </summary>
internal static class ExportBenchmark
{
    private const int Requests = 100_000;
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync()
    {
        Console.WriteLine($"== audit export: {Requests:N0} requests on SQLite");
        var dir = Path.Combine(Path.GetTempPath(), "slackjit-bench-export-" + Guid.NewGuid().ToString("N"));
        var db = Path.Combine(dir, "audit.db");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(db);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var settings = new Dictionary<string, string?> { ["Store:Provider"] = "Sqlite", ["Store:Sqlite:Path"] = db };
        string[] period = ["--from", "2026-10-01", "--to", "2026-12-31"];
        // The first run warms the JIT; the second is printed.
        foreach (var print in new[] { false, true })
        {
            (string Name, string[] Args)[] runs =
            [
                ("export --format csv", ["audit", "export", .. period, "--format", "csv"]),
                ("export --format json", ["audit", "export", .. period, "--format", "json"]),
                ("report", ["audit", "report", .. period]),
            ];
            foreach (var (name, args) in runs)
            {
                var file = Path.Combine(dir, "out");
                GC.Collect();
                long allocatedBefore = GC.GetTotalAllocatedBytes();
                var sw = Stopwatch.StartNew();
                int code;
                await using (var output = File.Create(file))
                {
                    code = await AuditCommandLine.RunAsync(args, output, Console.Error, null, settings, CancellationToken.None);
                }
                sw.Stop();
                if (code != 0)
                {
                    throw new InvalidOperationException($"{name} exited {code}");
                }
                if (print)
                {
                    var size = new FileInfo(file).Length;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-22} {sw.Elapsed.TotalSeconds,6:0.00} s   {Requests / sw.Elapsed.TotalSeconds,9:N0} requests/s   {size / 1e6,6:0.0} MB written   {(GC.GetTotalAllocatedBytes() - allocatedBefore) / (double)Requests / 1024,5:0.0} KB allocated per request"));
                }
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AckBenchmark.TryDelete(dir);
    }

    // Every request through the real transitions, in the mix a quarter might hold: most expired after approval, some
    // ended early, denied, timed out, failed. Written in batches so the store's group commit keeps seeding short.
    private static async Task SeedAsync(string db)
    {
        using var store = new SqliteAccessRequestStore(db, NullLogger<SqliteAccessRequestStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        const int Batch = 2_000;
        var step = TimeSpan.FromDays(90) / Requests;
        for (var first = 0; first < Requests; first += Batch)
        {
            var writes = Enumerable.Range(first, Math.Min(Batch, Requests - first))
                .Select(i => store.CreateAsync(Build(i, Start + step * i), CancellationToken.None));
            await Task.WhenAll(writes);
        }
    }

    private static AccessRequest Build(int i, DateTimeOffset at)
    {
        var requester = $"U{i % 5000:D8}";
        var request = new AccessRequest
        {
            Id = Guid.CreateVersion7(at),
            Status = RequestStatus.Pending,
            Version = 1,
            Requester = new SlackIdentity(requester, "T0BENCH"),
            Resource = new ResourceRef(i % 3 == 0 ? "finance" : "analytics", i % 3 == 0 ? "finance-data" : "analytics-prod", "reports/2026/"),
            RequestedDuration = TimeSpan.FromHours(2),
            Reason = $"INC-{i} investigating a failed nightly load, see runbook step 4",
            CreatedAt = at,
            Deadline = at.AddHours(1),
            RequiredApprovals = 1,
            DueAt = at.AddHours(1),
            ExpiresAt = at.AddDays(400),
            Events = [new AuditEvent(at, requester, AuditActions.Created, null, RequestStatus.Pending, "reason")],
        };
        var approver = $"U{(i % 40) + 90000000:D8}";
        switch (i % 10)
        {
            case 8:
                return Apply(Transitions.Deny(request, approver, "not for this ticket", at.AddMinutes(3)));
            case 9:
                return i % 20 == 9
                    ? Apply(Transitions.TimeOut(request, request.Deadline))
                    : Apply(Transitions.Fail(Issuing(request, approver, at), "AccessDenied", "the role refused the session", at.AddMinutes(5)));
        }
        var issuing = Issuing(request, approver, at);
        var grant = new GrantInfo($"ASIA{i:D12}", $"AROAEXAMPLE:jit-{i}", at.AddMinutes(65), at.AddMinutes(125));
        var active = Apply(Transitions.Activate(issuing, grant, at.AddMinutes(5)));
        return i % 10 == 7
            ? Apply(Transitions.End(active, requester, at.AddMinutes(40)))
            : Apply(Transitions.Expire(active, grant.WindowEnd));
    }

    private static AccessRequest Issuing(AccessRequest request, string approver, DateTimeOffset at) =>
        Apply(Transitions.ClaimIssuance(Apply(Transitions.Approve(request, approver, at.AddMinutes(4))), at.AddMinutes(4), TimeSpan.FromMinutes(2)));

    private static AccessRequest Apply(TransitionDecision decision) =>
        decision.Transition?.Next ?? throw new InvalidOperationException(decision.ToString());
}
