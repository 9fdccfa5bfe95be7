using SlackJit.Tests.Architecture;

namespace SlackJit.Tests;

/// <summary>
/// Holds the dependency graph of docs/ARCHITECTURE.md: which area (the folder, and namespace, under src/SlackJit)
/// may use which. Read from the compiled app by reflection, so a new reference shows up however it is written.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Every area and the areas it may use. The root (<c>LogEvents</c>) may be used by all.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Access"] = [],
        ["Storage"] = ["Access"],
        ["Telemetry"] = ["Access", "Storage"],
        ["Lifecycle"] = ["Access", "Storage", "Telemetry"],
        ["Aws"] = ["Access", "Telemetry"],
        ["Hosting"] = ["Storage"],
        ["Slack"] = ["Access", "Hosting", "Telemetry"],
        ["Cards"] = ["Access", "Storage", "Slack", "Hosting", "Telemetry"],
        ["Requests"] = ["Access", "Storage", "Slack", "Aws", "Hosting", "Cards", "Lifecycle", "Telemetry"],
        ["Grants"] = ["Access", "Storage", "Slack", "Aws", "Hosting", "Cards", "Lifecycle", "Telemetry"],
        ["Audit"] = ["Access", "Storage", "Slack", "Telemetry"],
        ["Home"] = ["Access", "Storage", "Slack", "Cards", "Requests", "Grants", "Lifecycle"],
    };

    [Fact]
    public void Areas_ReferenceOnlyTheAllowedAreas()
    {
        var violations = DependencyGraph.Edges(typeof(LogEvents).Assembly)
            .Where(e => !DependencyGraph.IsAllowed(e.From, e.To, Allowed))
            .Select(e => $"{e.FromType} ({e.From}) uses {e.ToType} ({e.To})")
            .Distinct()
            .ToList();

        Assert.Empty(violations);
    }

    /// <summary>
    /// The domain speaks no Slack: nothing in Access (its constants and every string its code loads) is written in
    /// mrkdwn. Code spans, Slack's escapes and its mention syntax belong to the Slack-facing rooms, which word the
    /// domain's refusals and facts.
    /// </summary>
    [Fact]
    public void Access_WritesNoMrkdwn()
    {
        string[] markup = ["`", "&lt;", "&gt;", "&amp;", "<@", "<#", "<!"];
        var found = typeof(SlackJit.Access.AccessRequest).Assembly.GetTypes()
            .Where(t => DependencyGraph.AreaOf(t) == "Access")
            .SelectMany(t => TypeReferences.Strings(t).Select(text => (Type: t.FullName, Text: text)))
            .Where(s => markup.Any(m => s.Text.Contains(m, StringComparison.Ordinal)))
            .Select(s => $"{s.Type}: {s.Text}")
            .Distinct()
            .ToList();

        Assert.True(found.Count == 0, "mrkdwn in Access:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Access_StringScan_SeesConstantsAndCodeStrings()
    {
        // The scan above must be able to fail: it reads a constant (the parser's flag) and a string only a method body
        // loads (a prefix problem's wording).
        Assert.Contains(SlackJit.Access.RequestParser.BreakGlassFlag, TypeReferences.Strings(typeof(SlackJit.Access.RequestParser)));
        Assert.Contains("contains a backtick", TypeReferences.Strings(typeof(SlackJit.Access.PrefixRules)));
    }

    [Fact]
    public void Areas_EveryAreaIsInTheTable()
    {
        var areas = DependencyGraph.Edges(typeof(LogEvents).Assembly).SelectMany(e => new[] { e.From, e.To }).Where(a => a.Length > 0).Distinct();

        Assert.All(areas, a => Assert.True(Allowed.ContainsKey(a), $"{a} is not in the dependency table (and docs/ARCHITECTURE.md)"));
    }

    [Fact]
    public void Allowed_HasNoCycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        void Visit(string area, string path)
        {
            Assert.False(visiting.Contains(area), $"cycle: {path}");
            if (!done.Add(area))
            {
                return;
            }
            visiting.Add(area);
            foreach (var next in Allowed[area])
            {
                Visit(next, $"{path} -> {next}");
            }
            visiting.Remove(area);
        }
        foreach (var area in Allowed.Keys)
        {
            Visit(area, area);
        }
    }

    [Theory]
    [InlineData("Access", "Requests", false)]
    [InlineData("Lifecycle", "Grants", false)]
    [InlineData("Requests", "Grants", false)]
    [InlineData("Grants", "Requests", false)]
    [InlineData("Cards", "Requests", false)]
    [InlineData("Grants", "Cards", true)]
    [InlineData("Requests", "", true)]
    [InlineData("Access", "Access", true)]
    public void IsAllowed_Edge_FollowsTheTable(string from, string to, bool expected)
    {
        Assert.Equal(expected, DependencyGraph.IsAllowed(from, to, Allowed));
    }

    [Fact]
    public void Edges_FindReferencesMadeOnlyInsideMethodBodies()
    {
        // The sweeper reaches the store only through a call in its body and its constructor: both are found.
        var edges = DependencyGraph.Edges(typeof(LogEvents).Assembly).Where(e => e.FromType == "SlackJit.Lifecycle.AdvanceRequestHandler");

        Assert.Contains(edges, e => e.To == "Storage");
    }
}
