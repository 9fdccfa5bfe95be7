using Microsoft.AspNetCore.Http;
using SlackJit.Hosting;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Hosting;

/// <summary><c>--healthcheck</c>, the Dockerfile's HEALTHCHECK: 0 when the app's /healthz answers 200, else 1.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HealthCheckCommandTests
{
    private static Func<string, string?> Ports(Uri url) => name => name == "ASPNETCORE_HTTP_PORTS" ? url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    [Fact]
    public async Task RunAsync_HealthzAnswers200_Returns0()
    {
        await using var app = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/healthz" ? context.Response.WriteAsync("ok") : Task.FromResult(context.Response.StatusCode = 404));

        Assert.Equal(0, await HealthCheckCommand.RunAsync(Ports(app.Url)));
    }

    [Fact]
    public async Task RunAsync_HealthzFails_Returns1()
    {
        await using var app = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });

        Assert.Equal(1, await HealthCheckCommand.RunAsync(Ports(app.Url)));
    }

    [Fact]
    public async Task RunAsync_NothingListening_Returns1WithOneLine()
    {
        var port = LoopbackPorts.Free();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, await HealthCheckCommand.RunAsync(name => name == "ASPNETCORE_HTTP_PORTS" ? $"{port};9999" : null));
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.Equal($"SlackJit health check: no answer from http://127.0.0.1:{port}/healthz", error.ToString().Trim());
    }
}
