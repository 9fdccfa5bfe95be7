using System.Reflection;

namespace SlackJit.Tests.Architecture;

/// <summary>The area-to-area references of the app, one per (type, used type) pair across two areas.</summary>
internal static class DependencyGraph
{
    public sealed record Edge(string From, string FromType, string To, string ToType);

    public static IEnumerable<Edge> Edges(Assembly app)
    {
        foreach (var type in app.GetTypes())
        {
            if (AreaOf(Outermost(type)) is not { } from)
            {
                continue;
            }
            foreach (var used in TypeReferences.Of(type))
            {
                if (used.Assembly != app || AreaOf(Outermost(used)) is not { } to || to == from)
                {
                    continue;
                }
                yield return new Edge(from, Outermost(type).FullName!, to, Outermost(used).FullName!);
            }
        }
    }

    public static bool IsAllowed(string from, string to, IReadOnlyDictionary<string, string[]> allowed) =>
        from == to || to.Length == 0 || (allowed.TryGetValue(from, out var targets) && targets.Contains(to));

    /// <summary>"Requests" for SlackJit.Requests.FollowUps.PostCard; "" for the root (LogEvents); null outside SlackJit (Program, generated code).</summary>
    public static string? AreaOf(Type type)
    {
        var ns = type.Namespace;
        if (ns == "SlackJit")
        {
            return "";
        }
        if (ns is null || !ns.StartsWith("SlackJit.", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = ns["SlackJit.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }
}
