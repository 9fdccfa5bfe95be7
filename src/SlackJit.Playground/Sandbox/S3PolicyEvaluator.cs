using System.Text.Json;
using System.Text.RegularExpressions;

namespace SlackJit.Playground.Sandbox;

/// <summary>
/// A small IAM policy evaluator for the S3 questions the sandbox console asks: may this session
/// <c>s3:GetObject</c> a key, or <c>s3:ListBucket</c> with a prefix? An explicit Deny wins, then any Allow,
/// otherwise the implicit deny. Understands Action/NotAction, Resource/NotResource with <c>*</c> and <c>?</c>, and
/// the string condition operators (StringEquals, StringLike and their Not/IgnoreCase forms) on request keys such
/// as <c>s3:prefix</c>, and the date operators (DateLessThan …) on <c>aws:CurrentTime</c>/<c>aws:EpochTime</c>. A condition operator it does not know never grants (and never lets a Deny pass).
/// </summary>
public static class S3PolicyEvaluator
{
    public static bool CanRead(string policy, string bucket, string key, DateTimeOffset? now = null) =>
        Evaluate(policy, "s3:GetObject", $"arn:aws:s3:::{bucket}/{key}", Context(now));

    public static bool CanList(string policy, string bucket, string prefix, DateTimeOffset? now = null) =>
        Evaluate(policy, "s3:ListBucket", $"arn:aws:s3:::{bucket}", new Dictionary<string, string>(Context(now)) { ["s3:prefix"] = prefix });

    // The global keys a request carries: the time it is made.
    private static Dictionary<string, string> Context(DateTimeOffset? now) => now is { } at
        ? new Dictionary<string, string>
        {
            ["aws:CurrentTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["aws:EpochTime"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }
        : [];

    /// <summary>True when the policy allows <paramref name="action"/> on <paramref name="resource"/> with <paramref name="context"/>.</summary>
    public static bool Evaluate(string policy, string action, string resource, IReadOnlyDictionary<string, string> context)
    {
        using var doc = JsonDocument.Parse(policy);
        var allowed = false;
        foreach (var statement in Statements(doc.RootElement))
        {
            if (!Applies(statement, action, resource, context, out var conditionKnown))
            {
                continue;
            }
            var effect = statement.TryGetProperty("Effect", out var e) ? e.GetString() : null;
            if (effect == "Deny")
            {
                return false;
            }
            allowed |= effect == "Allow" && conditionKnown;
        }
        return allowed;
    }

    private static IEnumerable<JsonElement> Statements(JsonElement root)
    {
        if (!root.TryGetProperty("Statement", out var statements))
        {
            return [];
        }
        return statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
    }

    private static bool Applies(JsonElement statement, string action, string resource, IReadOnlyDictionary<string, string> context, out bool conditionKnown)
    {
        conditionKnown = true;
        var actionMatch = statement.TryGetProperty("Action", out var actions) ? AnyMatch(actions, action, ignoreCase: true)
            : statement.TryGetProperty("NotAction", out var notActions) && !AnyMatch(notActions, action, ignoreCase: true);
        var resourceMatch = statement.TryGetProperty("Resource", out var resources) ? AnyMatch(resources, resource, ignoreCase: false)
            : statement.TryGetProperty("NotResource", out var notResources) && !AnyMatch(notResources, resource, ignoreCase: false);
        if (!actionMatch || !resourceMatch)
        {
            return false;
        }
        if (!statement.TryGetProperty("Condition", out var conditions))
        {
            return true;
        }
        foreach (var op in conditions.EnumerateObject())
        {
            foreach (var key in op.Value.EnumerateObject())
            {
                context.TryGetValue(key.Name, out var actual);
                switch (Condition(op.Name, key.Value, actual))
                {
                    case null:
                        conditionKnown = false;
                        return true;
                    case false:
                        return false;
                }
            }
        }
        return true;
    }

    // null: an operator this evaluator does not know.
    private static bool? Condition(string op, JsonElement expected, string? actual)
    {
        var ignoreCase = op.EndsWith("IgnoreCase", StringComparison.Ordinal);
        var name = ignoreCase ? op[..^"IgnoreCase".Length] : op;
        var values = expected.ValueKind == JsonValueKind.Array ? expected.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : [expected.GetString() ?? ""];
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return name switch
        {
            "StringEquals" => actual is not null && values.Any(v => string.Equals(v, actual, comparison)),
            "StringNotEquals" => actual is null || values.All(v => !string.Equals(v, actual, comparison)),
            "StringLike" => actual is not null && values.Any(v => Wildcard(v, actual, ignoreCase)),
            "StringNotLike" => actual is null || values.All(v => !Wildcard(v, actual, ignoreCase)),
            "DateLessThan" => Dates(values, actual, (a, e) => a < e),
            "DateLessThanEquals" => Dates(values, actual, (a, e) => a <= e),
            "DateGreaterThan" => Dates(values, actual, (a, e) => a > e),
            "DateGreaterThanEquals" => Dates(values, actual, (a, e) => a >= e),
            "DateEquals" => Dates(values, actual, (a, e) => a == e),
            _ => null,
        };
    }

    // Dates as IAM reads them: ISO 8601 or epoch seconds; a missing or unreadable value never matches.
    private static bool Dates(List<string> values, string? actual, Func<DateTimeOffset, DateTimeOffset, bool> compare) =>
        ParseDate(actual) is { } a && values.Any(v => ParseDate(v) is { } e && compare(a, e));

    private static DateTimeOffset? ParseDate(string? text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var epoch) ? DateTimeOffset.FromUnixTimeSeconds(epoch)
        : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at
        : null;

    private static bool AnyMatch(JsonElement patterns, string value, bool ignoreCase) =>
        patterns.ValueKind == JsonValueKind.Array
            ? patterns.EnumerateArray().Any(p => Wildcard(p.GetString() ?? "", value, ignoreCase))
            : Wildcard(patterns.GetString() ?? "", value, ignoreCase);

    /// <summary>IAM wildcards: <c>*</c> any run of characters (none included), <c>?</c> exactly one.</summary>
    public static bool Wildcard(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
