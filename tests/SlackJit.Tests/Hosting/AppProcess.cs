using System.Diagnostics;

namespace SlackJit.Tests.Hosting;

/// <summary>Starts the built app as an operator does: a real process, settings from the environment only.</summary>
internal static class AppProcess
{
    /// <summary>Starts <c>dotnet SlackJit.dll [args]</c> in <paramref name="workDir"/>; stdout is read by the caller.</summary>
    public static Process Start(string workDir, Dictionary<string, string?> environment, params string[] args) =>
        StartDll("SlackJit.dll", workDir, environment, args);

    /// <summary>Starts another built app of the solution (e.g. <c>SlackJit.Playground.dll</c>) the same way.</summary>
    public static Process StartDll(string dll, string workDir, Dictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // Only what the test names: nothing from the developer's own environment leaks in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Slack__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Aws__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Store__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Access__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Telemetry__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)).ToList())
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
        return Process.Start(info)!;
    }

    /// <summary>The settings the web app needs to start, Slack and AWS pointed at nothing.</summary>
    public static Dictionary<string, string?> RequiredSettings(int port) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["Slack__BotToken"] = "xoxb-process-test",
        ["Slack__SigningSecret"] = "process-test-secret",
        ["Slack__ApproverChannel"] = "C0123ABCD",
        ["Slack__VerifyTokenOnStart"] = "false",
        ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        ["Aws__RoleArn"] = "arn:aws:iam::123456789012:role/slackjit-read",
        ["AWS_REGION"] = "eu-west-1",
        // The README's one-entry catalog, as environment variables: an empty catalog stops start-up.
        ["Access__Resources__0__Name"] = "analytics",
        ["Access__Resources__0__Bucket"] = "analytics-prod",
        ["Access__Resources__0__Approvers__0"] = "U0123ABCD",
    };

    /// <summary>Polls <paramref name="url"/> until it answers 2xx, the process exits, or 30 s pass.</summary>
    public static async Task<bool> WaitUntilReadyAsync(Process process, string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 150 && !process.HasExited; i++)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return true;
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
        return false;
    }
}
