namespace SlackJit.Tests.Playground;

/// <summary>The production project carries no fake: the playground and the emulator reference SlackJit, never the reverse.</summary>
public sealed class PlaygroundIsolationTests
{
    [Fact]
    public void SlackJitAssembly_References_NeitherThePlaygroundNorTheEmulator()
    {
        var references = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("SlackJit.Playground", references);
        Assert.DoesNotContain("SlackJit.SlackEmulator", references);
        Assert.DoesNotContain(typeof(Program).Assembly.GetTypes(), t => t.Namespace?.StartsWith("SlackJit.Playground", StringComparison.Ordinal) == true
            || t.Namespace?.StartsWith("SlackJit.SlackEmulator", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void SlackJitProject_HasNoReferenceToPlaygroundProjects()
    {
        var project = File.ReadAllText(Path.Combine(RepoRoot(), "src", "SlackJit", "SlackJit.csproj"));

        Assert.DoesNotContain("Playground", project, StringComparison.Ordinal);
        Assert.DoesNotContain("SlackEmulator", project, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlackJit.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SlackJit.sln not found above the test binaries");
    }
}
