using System.Diagnostics;

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
        using var process = Start(AppProcess.RequiredSettings(port));
        try
        {
            Assert.True(await AppProcess.WaitUntilReadyAsync(process, $"http://127.0.0.1:{port}/readyz"), "the app did not become ready");
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
        var process = AppProcess.Start(_workDir, environment);
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
