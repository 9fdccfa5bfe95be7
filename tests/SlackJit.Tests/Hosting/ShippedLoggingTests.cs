using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SlackJit.Tests.Hosting;

/// <summary>The logging levels appsettings.json ships with (docs/CONFIGURATION.md, "Logging").</summary>
public sealed class ShippedLoggingTests
{
    // ASP.NET Core starts an Activity and a log scope for every request while this category is on at any level, even
    // when it writes nothing (its only lines are "request starting/finished", at Information). Off, the ack path pays
    // for neither; SlackJit's own categories and the framework's warnings still log.
    [Fact]
    public void ShippedSettings_HostingRequestLogsOff_OwnAndFrameworkWarningsOn()
    {
        // The file the build copies next to the app (and here, next to the tests), read as the host reads it.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole())
            .BuildServiceProvider();
        var loggers = services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("SlackJit.Requests.S3AccessCommandHandler").IsEnabled(LogLevel.Information));
    }
}
