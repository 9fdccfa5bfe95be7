using System.Diagnostics;
using System.Net.Sockets;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Hosting;

/// <summary>The built app as an operator starts it: a real process, settings from the environment only.</summary>
public sealed class AppProcessTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("slackjit-process-").FullName;

    [Fact]
    public async Task Start_NoSettings_ExitsWithOneLinePerMissingKeyAndNoStackTrace()
    {
        using var process = Start(new Dictionary<string, string?>());
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the app did not stop on its own");

        var text = await stderr;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Slack:BotToken is required", text, StringComparison.Ordinal);
        Assert.Contains("Slack:SigningSecret is required", text, StringComparison.Ordinal);
        Assert.Contains("Aws:RoleArn is required", text, StringComparison.Ordinal);
        Assert.Contains("  - " + SlackJit.Access.AccessOptionsValidator.EmptyCatalog, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RequiredSettings_ServesAndCreatesTheDefaultSqliteFile()
    {
        var port = LoopbackPorts.Free();
        using var process = Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = "process-test-secret",
            ["Slack__ApproverChannel"] = "C0123ABCD",
            ["Slack__VerifyTokenOnStart"] = "false",
            ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Aws__RoleArn"] = "arn:aws:iam::123456789012:role/slackjit-read",
            ["AWS_REGION"] = "eu-west-1",
            // The README's one-entry catalog, as environment variables.
            ["Access__Resources__0__Name"] = "analytics",
            ["Access__Resources__0__Bucket"] = "analytics-prod",
            ["Access__Resources__0__Approvers__0"] = "U0123ABCD",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
            var ready = false;
            for (var i = 0; i < 150 && !ready && !process.HasExited; i++)
            {
                try
                {
                    ready = (await http.GetAsync("readyz")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
                catch (TaskCanceledException)
                {
                }
            }

            Assert.True(ready, "the app did not become ready");
            Assert.True(File.Exists(Path.Combine(_workDir, "data", "slackjit.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Start_CatalogEntryWithoutAnyApproverChannel_ExitsWithOneLineNamingTheEntry()
    {
        using var process = Start(new Dictionary<string, string?>
        {
            ["Slack__BotToken"] = "xoxb-process-test",
            ["Slack__SigningSecret"] = "process-test-secret",
            ["Slack__VerifyTokenOnStart"] = "false",
            ["Aws__RoleArn"] = "arn:aws:iam::123456789012:role/slackjit-read",
            ["Access__Resources__0__Name"] = "analytics",
            ["Access__Resources__0__Bucket"] = "analytics-prod",
            ["Access__Resources__0__Approvers__0"] = "U0123ABCD",
        });
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the app did not stop on its own");

        var lines = (await stderr).TrimEnd().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(1, process.ExitCode);
        Assert.Equal(["SlackJit cannot start; fix these settings:", "  - " + SlackJit.Cards.ApproverChannelValidator.Missing(0, "analytics")], lines);
    }

    private Process Start(Dictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workDir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SlackJit.dll"));
        // Only what the test names: nothing from the developer's own environment leaks in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Slack__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Aws__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Store__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Access__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.StandardOutput.ReadToEndAsync();
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
