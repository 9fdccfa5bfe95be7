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
    }
}
