using System.Text.RegularExpressions;
using SlackJit.Tests.Storage;

namespace SlackJit.Tests.Architecture;

/// <summary>The "Who may call whom" diagram in docs/ARCHITECTURE.md draws exactly the edges the architecture test allows.</summary>
public sealed partial class ArchitectureDiagramTests
{
    [Fact]
    public void Diagram_Edges_AreTheAllowedTable()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "ARCHITECTURE.md"));
        var graph = doc[doc.IndexOf("```mermaid\ngraph TD", StringComparison.Ordinal)..];
        graph = graph[..graph.IndexOf("```\n", "```mermaid".Length, StringComparison.Ordinal)];

        var drawn = Edge().Matches(graph).Select(m => $"{m.Groups[1].Value} -> {m.Groups[2].Value}").Order(StringComparer.Ordinal).ToList();
        var allowed = ArchitectureTests.Allowed.SelectMany(a => a.Value.Select(to => $"{a.Key} -> {to}")).Order(StringComparer.Ordinal).ToList();

        Assert.True(drawn.Count > 30, $"only {drawn.Count} edges found in the diagram");
        Assert.Equal(allowed, drawn);
    }

    [GeneratedRegex(@"^\s+(\w+) --> (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Edge();
}
