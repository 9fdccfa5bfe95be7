using SlackJit.Bench;

// SlackJit's benchmarks print their figures; see bench/README.md. Loopback only, bounded in time.
var mode = args.FirstOrDefault() ?? "all";
var seconds = args.Length > 1 && int.TryParse(args[1], out var s) ? s : 10;
// create and help take a number of runs after the seconds: each run is a fresh server, and the median is printed.
var runs = args.Length > 2 && int.TryParse(args[2], out var r) && r > 0 ? r : 1;

switch (mode)
{
    case BaselineServer.Mode:
        await BaselineServer.RunAsync(args.Skip(1).ToArray());
        return 0;
    case "ack":
        await AckBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
        return 0;
    case "help":
        await AckBenchmark.RunHelpAsync(TimeSpan.FromSeconds(seconds), runs);
        return 0;
    case "create":
        // create [seconds [runs]] [scattered]
        await AckBenchmark.RunCreateAsync(TimeSpan.FromSeconds(seconds), runs, scattered: args.Contains("scattered"));
        return 0;
    case AllocationBenchmark.Mode:
        await AllocationBenchmark.RunAsync(
            args.Length > 1 && int.TryParse(args[1], out var n) ? n : 20_000,
            args.ElementAtOrDefault(2) is "bare" or "help" or "create" ? args[2] : null,
            byType: args.Contains("types"));
        return 0;
    case "idle":
        await IdleMemoryBenchmark.RunAsync();
        return 0;
    case "store":
        // store [creates [runs [callers]]] [scattered]: the SQLite create alone, in-process.
        await StoreBenchmark.RunAsync(
            args.Length > 1 && int.TryParse(args[1], out var c) && c > 0 ? c : 100_000,
            runs,
            args.Length > 3 && int.TryParse(args[3], out var callers) && callers is > 0 and <= 256 ? callers : StoreBenchmark.DefaultCallers,
            scattered: args.Contains("scattered"));
        return 0;
    case "sweep":
        await SweepBenchmark.RunAsync();
        return 0;
    case "export":
        await ExportBenchmark.RunAsync();
        return 0;
    case "all":
        await AckBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
        await IdleMemoryBenchmark.RunAsync();
        await SweepBenchmark.RunAsync();
        await ExportBenchmark.RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: SlackJit.Bench [ack [seconds] | create [seconds [runs]] [scattered] | help [seconds [runs]] | store [creates [runs [callers]]] [scattered] | alloc [requests] [bare|help|create] [types] | idle | sweep | export | all [seconds]]");
        return 2;
}
