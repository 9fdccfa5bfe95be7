using System.Runtime.CompilerServices;

namespace SlackJit.Tests;

/// <summary>Set before any test runs, so `dotnet test` alone behaves as CI does.</summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        // The AWS SDK's credential chain must never probe instance metadata from a test.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

        // Every host the suite starts (in-process and child processes) would otherwise watch its settings
        // files for changes: one inotify instance each, and the machine allows 128 per user. The suite
        // never edits settings while a host runs, so hosts read them once.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
