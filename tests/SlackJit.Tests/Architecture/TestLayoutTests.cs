using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Architecture;

/// <summary>
/// The tests' own layout. Tests mirror <c>src/</c>: the tests of a unit sit where the unit sits. <c>src/SlackJit/X/Y.cs</c> is tested in
/// <c>tests/SlackJit.Tests/X/YTests.cs</c>; the other projects get a folder of their own
/// (<c>src/SlackJit.SlackEmulator/X/Y.cs</c> ↔ <c>tests/SlackJit.Tests/SlackEmulator/X/YTests.cs</c>). And the
/// scaffolding exists once: sockets and servers in <c>Fakes/Net</c>, the app's host in <c>SlackJitHarness</c>.
/// </summary>
public sealed class TestLayoutTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string TestsDir = Path.Combine(Root, "tests", "SlackJit.Tests");

    [Fact]
    public void TestFiles_NamedAfterASourceType_SitInTheMirroredFolder()
    {
        var homes = SourceFolders();
        var misplaced = TestFiles()
            .Where(t => homes.TryGetValue(t.Unit, out var folders) && !folders.Contains(t.Folder))
            .Select(t => $"{t.Path} is named after {t.Unit}: move it to {string.Join(" or ", homes[t.Unit].Select(Shown))}")
            .ToList();

        Assert.True(misplaced.Count == 0, "Test files that do not mirror src/:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void Scan_OfBothTrees_FindsSourceTypesAndTestsNamedAfterThem()
    {
        // Guards the rule above: a scan that found no files, or matched no names, would pass vacuously.
        var homes = SourceFolders();
        var tests = TestFiles();

        Assert.True(homes.Count > 300, $"Only {homes.Count} source units found under {Root}/src.");
        Assert.True(tests.Count(t => homes.ContainsKey(t.Unit)) > 60, "Fewer than 60 test files are named after a source type.");
    }

    [Theory]
    [InlineData("TcpListener", "Fakes/Net/")]
    [InlineData("UseKestrel", "Fakes/Net/")]
    [InlineData("new WebApplicationFactory<Program>", "EndToEnd/SlackJitHarness.cs")]
    public void TestSources_OpeningSocketsOrHostingTheApp_AreOnlyTheSharedHelpers(string code, string onlyIn)
    {
        // One loopback server and port helper (Fakes/Net) for every fake, and one harness for every whole-app test.
        var users = Directory.EnumerateFiles(TestsDir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestsDir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Where(f => f != "Architecture/TestLayoutTests.cs")
            .Where(f => File.ReadAllText(Path.Combine(TestsDir, f)).Contains(code, StringComparison.Ordinal))
            .ToList();

        Assert.Contains(users, f => f.StartsWith(onlyIn, StringComparison.Ordinal));
        var elsewhere = users.Where(f => !f.StartsWith(onlyIn, StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, $"{code} outside {onlyIn}: {string.Join(", ", elsewhere)}");
    }

    [Theory]
    [InlineData("src/SlackJit/Access/AccessPolicy.cs", "AccessPolicy", "Access")]
    [InlineData("src/SlackJit/Access/AccessPolicy.Approvers.cs", "AccessPolicy", "Access")]
    [InlineData("src/SlackJit/LogEvents.cs", "LogEvents", "")]
    [InlineData("src/SlackJit.SlackEmulator/WebApi/ViewMethods.cs", "ViewMethods", "SlackEmulator/WebApi")]
    public void SourceUnit_OfAFile_IsItsTypeAndMirroredFolder(string path, string unit, string folder)
    {
        Assert.Equal((unit, folder), SourceUnit(path));
    }

    /// <summary>Each source type (a partial's parts count as one) and the test folders that mirror where it lives.</summary>
    private static Dictionary<string, HashSet<string>> SourceFolders()
    {
        var homes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }
            var (unit, folder) = SourceUnit(relative);
            if (!homes.TryGetValue(unit, out var folders))
            {
                homes[unit] = folders = new HashSet<string>(StringComparer.Ordinal);
            }
            folders.Add(folder);
        }
        return homes;
    }

    /// <summary><c>src/SlackJit[.Project]/X/Y[.Part].cs</c> → (<c>Y</c>, <c>[Project/]X</c>).</summary>
    private static (string Unit, string Folder) SourceUnit(string relativePath)
    {
        var parts = relativePath.Split('/');
        var project = parts[1] == "SlackJit" ? [] : new[] { parts[1]["SlackJit.".Length..] };
        var folder = string.Join('/', project.Concat(parts[2..^1]));
        return (parts[^1].Split('.')[0], folder);
    }

    private static List<(string Path, string Unit, string Folder)> TestFiles() =>
        [.. Directory.EnumerateFiles(TestsDir, "*Tests.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestsDir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Select(f => (f, Path.GetFileName(f)[..^"Tests.cs".Length], Path.GetDirectoryName(f)!.Replace('\\', '/')))];

    private static string Shown(string folder) => $"tests/SlackJit.Tests/{folder}/".Replace("//", "/", StringComparison.Ordinal);
}
