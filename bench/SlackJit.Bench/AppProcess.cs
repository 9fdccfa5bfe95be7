using System.Diagnostics;

namespace SlackJit.Bench;

/// <summary>A server under test started as its own process from this benchmark's output folder.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }
    public int Pid => _process.Id;

    /// <summary>Starts <c>SlackJit.dll</c> (or this benchmark in <paramref name="benchMode"/>) and waits for /healthz.</summary>
    public static async Task<AppProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment, string? benchMode = null)
    {
        var dir = AppContext.BaseDirectory;
        var dll = Path.Combine(dir, benchMode is null ? "SlackJit.dll" : "SlackJit.Bench.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(dll);
        if (benchMode is not null)
        {
            info.ArgumentList.Add(benchMode);
            info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  [server] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, port);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}");
            }
            try
            {
                if ((await http.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        await app.DisposeAsync();
        throw new TimeoutException("server did not answer /healthz within 30 s");
    }

    /// <summary>CPU time the process has used so far (user + system), from /proc (Linux).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The resident memory's parts from /proc (Linux): anonymous (heaps, stacks), file-backed (code), shared.</summary>
    public string ResidentBreakdown()
    {
        var parts = File.ReadLines($"/proc/{_process.Id}/status")
            .Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal) || l.StartsWith("RssFile:", StringComparison.Ordinal) || l.StartsWith("RssShmem:", StringComparison.Ordinal) || l.StartsWith("Threads:", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
        return string.Join(", ", parts);
    }

    /// <summary>Resident set size of the process, from /proc (Linux).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
