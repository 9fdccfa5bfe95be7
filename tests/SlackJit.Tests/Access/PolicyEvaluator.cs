using System.Net;
using System.Text.Json;

namespace SlackJit.Tests.Access;

/// <summary>
/// IAM's evaluation of one identity policy, for what SlackJit emits: an explicit Deny wins, otherwise an Allow is
/// needed; Action (case-insensitive) and Resource (case-sensitive) match with <c>*</c> and <c>?</c>; conditions are
/// ANDed across operators and keys and ORed across a key's values; a key missing from the request makes a positive
/// operator false and a negated one (<c>Not…</c>) true. Operators: StringEquals, StringNotEquals, StringLike,
/// StringNotLike (plain and <c>ForAnyValue:</c>), IpAddress, NotIpAddress. Anything else throws, so a policy using
/// something this evaluator does not model fails the tests instead of passing them.
/// </summary>
internal sealed class PolicyEvaluator
{
    private readonly List<JsonElement> _statements;

    public PolicyEvaluator(string policyJson)
    {
        using var document = JsonDocument.Parse(policyJson);
        var statement = document.RootElement.GetProperty("Statement").Clone();
        _statements = statement.ValueKind == JsonValueKind.Array ? [.. statement.EnumerateArray()] : [statement];
    }

    /// <summary>Whether <paramref name="action"/> on <paramref name="resource"/> is allowed in <paramref name="context"/>.</summary>
    public bool IsAllowed(string action, string resource, IReadOnlyDictionary<string, string>? context = null)
    {
        context ??= new Dictionary<string, string>();
        var allowed = false;
        foreach (var statement in _statements)
        {
            if (!Applies(statement, action, resource, context))
            {
                continue;
            }

            switch (statement.GetProperty("Effect").GetString())
            {
                case "Deny":
                    return false;
                case "Allow":
                    allowed = true;
                    break;
                default:
                    throw new NotSupportedException("Effect must be Allow or Deny.");
            }
        }

        return allowed;
    }

    /// <summary>Every action named in the policy's Allow statements.</summary>
    public IEnumerable<string> AllowedActions() =>
        _statements.Where(s => s.GetProperty("Effect").GetString() == "Allow").SelectMany(s => Strings(s.GetProperty("Action")));

    /// <summary>IAM's wildcard match: <c>*</c> any run of characters, <c>?</c> exactly one.</summary>
    public static bool WildcardMatch(string pattern, string value, bool ignoreCase = false)
    {
        // Greedy glob with backtracking to the last *: linear for the patterns policies hold.
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    private static bool Applies(JsonElement statement, string action, string resource, IReadOnlyDictionary<string, string> context)
    {
        if (statement.TryGetProperty("NotAction", out _) || statement.TryGetProperty("NotResource", out _) || statement.TryGetProperty("Principal", out _))
        {
            throw new NotSupportedException("NotAction, NotResource and Principal are not modelled.");
        }

        return Strings(statement.GetProperty("Action")).Any(a => WildcardMatch(a, action, ignoreCase: true))
            && Strings(statement.GetProperty("Resource")).Any(r => WildcardMatch(r, resource))
            && (!statement.TryGetProperty("Condition", out var condition) || condition.EnumerateObject().All(op => Holds(op, context)));
    }

    private static bool Holds(JsonProperty op, IReadOnlyDictionary<string, string> context)
    {
        var name = op.Name;
        if (name.StartsWith("ForAnyValue:", StringComparison.Ordinal))
        {
            // Every context key here is single-valued: ForAnyValue on one value is the plain operator, except that
            // a missing key matches nothing (even for a negated operator).
            name = name["ForAnyValue:".Length..];
            return op.Value.EnumerateObject().All(key => context.ContainsKey(key.Name) && Test(name, key, context));
        }

        return op.Value.EnumerateObject().All(key => Test(name, key, context));
    }

    private static bool Test(string op, JsonProperty key, IReadOnlyDictionary<string, string> context)
    {
        var negated = op.Contains("Not", StringComparison.Ordinal);
        if (!context.TryGetValue(key.Name, out var actual))
        {
            return negated;
        }

        var values = Strings(key.Value).ToList();
        return op switch
        {
            "StringEquals" => values.Contains(actual, StringComparer.Ordinal),
            "StringNotEquals" => !values.Contains(actual, StringComparer.Ordinal),
            "StringLike" => values.Any(v => WildcardMatch(v, actual)),
            "StringNotLike" => !values.Any(v => WildcardMatch(v, actual)),
            "IpAddress" => values.Any(v => InRange(v, actual)),
            "NotIpAddress" => !values.Any(v => InRange(v, actual)),
            _ => throw new NotSupportedException($"Condition operator {op} is not modelled."),
        };
    }

    private static bool InRange(string cidr, string address) =>
        IPAddress.TryParse(address, out var ip) && IPNetwork.Parse(cidr).Contains(ip);

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString()!)
        : [element.GetString()!];
}
