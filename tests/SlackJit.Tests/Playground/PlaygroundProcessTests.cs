using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlackJit.Playground;
using SlackJit.Tests.Fakes.Net;
using SlackJit.Tests.Hosting;
using Xunit.Abstractions;

namespace SlackJit.Tests.Playground;

/// <summary>
/// The playground as a person starts it: its own process, nothing set, AWS reached through the SDK's environment
/// variables (<c>AWS_ENDPOINT_URL_STS</c> …) exactly as an operator would point SlackJit at an endpoint.
/// </summary>
public sealed class PlaygroundProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(30);
    private readonly string _workDir = Directory.CreateTempSubdirectory("slackjit-playground-process-").FullName;
    private Task<string> _stderr = Task.FromResult("");

    [Fact]
    public async Task Start_NothingSet_ServesThePageAndApprovalDeliversSandboxCredentials()
    {
        var port = LoopbackPorts.Free();
        var started = Stopwatch.GetTimestamp();
        using var process = Start(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var page = await WaitForPageAsync(http, process);
            var elapsed = Stopwatch.GetElapsedTime(started);
            output.WriteLine($"page served {elapsed.TotalSeconds:0.00} s after the process started");
            Assert.Contains("SlackJit playground", page, StringComparison.Ordinal);
            await WaitForAppAsync(http, process);
            output.WriteLine($"SlackJit host ready {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s after the process started");

            await http.PostAsJsonAsync("emulator/command", new { As = DemoWorkspace.Requester, Channel = DemoWorkspace.General, Text = "/s3-access analytics-prod 1h INC-1 process check" });
            var card = await WaitForMessageAsync(http, DemoWorkspace.Approvals, DemoWorkspace.Approver, "S3 read access request", process);
            var click = await http.PostAsJsonAsync("emulator/click", new { As = DemoWorkspace.Approver, Channel = DemoWorkspace.Approvals, Ts = card["ts"]!.GetValue<string>(), ActionId = "requests.approve" });
            Assert.True(click.IsSuccessStatusCode);

            var dm = await WaitForMessageAsync(http, "D0RILEY", DemoWorkspace.Requester, "AWS_ACCESS_KEY_ID=ASIASANDBOX", process);
            Assert.Contains("Open the AWS console", dm.ToJsonString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_workDir, "data", "playground", "slackjit.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.WriteLine("stderr: " + await _stderr);
        }
    }

    private static async Task<string> WaitForPageAsync(HttpClient http, Process process)
    {
        var deadline = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(deadline) < StartBudget && !process.HasExited)
        {
            try
            {
                return await http.GetStringAsync("");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail(process.HasExited ? $"the playground exited with {process.ExitCode}" : $"no page within {StartBudget}");
        return "";
    }

    private static async Task WaitForAppAsync(HttpClient http, Process process)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StartBudget && !process.HasExited)
        {
            var status = await http.GetFromJsonAsync<JsonObject>("emulator/status");
            if (status!["appReady"]!.GetValue<bool>())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("SlackJit did not start in the playground");
    }

    private static async Task<JsonObject> WaitForMessageAsync(HttpClient http, string channel, string userId, string text, Process process)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20) && !process.HasExited)
        {
            // 404 until the channel exists (a DM appears when SlackJit opens it).
            using var response = await http.GetAsync($"emulator/timeline?channel={channel}&as={userId}");
            var timeline = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : new JsonObject { ["messages"] = new JsonArray() };
            var hit = timeline!["messages"]!.AsArray().OfType<JsonObject>().FirstOrDefault(m => m.ToJsonString().Contains(text, StringComparison.Ordinal));
            if (hit is not null)
            {
                return hit;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"no message with '{text}' in {channel}");
        return [];
    }

    private Process Start(int port)
    {
        var process = AppProcess.StartDll("SlackJit.Playground.dll", _workDir, new Dictionary<string, string?>(), "--urls", $"http://127.0.0.1:{port}");
        _ = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        return process;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
