using SlackJit.Access;

namespace SlackJit.Slack.Messaging;

/// <summary>
/// What a grant leaves out and where it works, in plain words for the approval card and the credentials message
/// (plain text: the caller escapes or puts it in <c>plain_text</c>). Empty when the grant has no exclusions or conditions.
/// </summary>
public static class GrantScopeText
{
    /// <summary>Longest list of excluded prefixes shown in full; more are counted.</summary>
    public const int MaxExcludedShown = 5;

    public static IReadOnlyList<string> Lines(GrantScope? scope)
    {
        if (scope is null)
        {
            return [];
        }

        var lines = new List<string>();
        if (scope.Excluded.Count > 0)
        {
            var shown = string.Join(", ", scope.Excluded.Take(MaxExcludedShown).Select(p => InputText.Clip(p, 100)));
            var more = scope.Excluded.Count > MaxExcludedShown ? $" and {scope.Excluded.Count - MaxExcludedShown} more" : "";
            lines.Add($"Excludes {shown}{more} — separate approval");
        }

        var conditions = scope.Conditions;
        if (conditions.RestrictsNetwork)
        {
            var from = conditions.SourceIpRanges.Count > 0 ? "from " + string.Join(", ", conditions.SourceIpRanges) : null;
            var through = conditions.VpcEndpoints.Count > 0 ? "through " + string.Join(", ", conditions.VpcEndpoints) : null;
            lines.Add("Works only " + string.Join(" or ", new[] { from, through }.Where(p => p is not null)));
        }

        if (conditions.RequiredObjectTags.Count > 0)
        {
            lines.Add("Reads only objects tagged " + string.Join(" and ", conditions.RequiredObjectTags.Select(t => $"{t.Key}={t.Value}")));
        }

        return lines;
    }
}
