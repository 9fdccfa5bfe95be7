namespace SlackJit.Tests.Storage;

/// <summary>Finds the repository root (the folder holding SlackJit.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlackJit.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"SlackJit.sln not found above {AppContext.BaseDirectory}.");
    }
}
