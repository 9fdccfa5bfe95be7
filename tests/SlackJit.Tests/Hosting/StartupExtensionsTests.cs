using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SlackJit.Hosting;

namespace SlackJit.Tests.Hosting;

[Collection(ConsoleCollection.Name)]
public sealed class StartupExtensionsTests
{
    [Fact]
    public async Task RunOrExplainAsync_StartupCheckFails_PrintsOneLineAndReturns1()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHostedService<FailingCheck>();
        await using var app = builder.Build();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = await app.RunOrExplainAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exitCode);
        Assert.Equal("SlackJit cannot start; fix these settings:\n  - Slack:BotToken was rejected", error.ToString().TrimEnd().ReplaceLineEndings("\n"));
    }

    private sealed class FailingCheck : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            throw new StartupCheckException("Slack:BotToken was rejected");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
