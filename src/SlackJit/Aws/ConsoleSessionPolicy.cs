using System.Globalization;
using System.Text.Json.Nodes;

namespace SlackJit.Aws;

/// <summary>
/// Bounds a session policy in time: every Allow statement gains <c>DateLessThan aws:CurrentTime &lt;end&gt;</c>, so a
/// session minted for the console stops working when the grant's window ends even though STS will not mint
/// credentials for less than 15 minutes. Pure.
/// </summary>
internal static class ConsoleSessionPolicy
{
    public static string Until(string policy, DateTimeOffset end)
    {
        var document = JsonNode.Parse(policy)?.AsObject() ?? throw new ArgumentException("The session policy is not a JSON object.", nameof(policy));
        var until = end.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var statements = document["Statement"] switch
        {
            JsonArray array => array.Select(s => s!.AsObject()).ToList(),
            JsonObject single => [single],
            _ => [],
        };
        foreach (var statement in statements.Where(s => (string?)s["Effect"] == "Allow"))
        {
            var condition = statement["Condition"] as JsonObject ?? [];
            var dateLessThan = condition["DateLessThan"] as JsonObject ?? [];
            dateLessThan["aws:CurrentTime"] = until;
            condition["DateLessThan"] = dateLessThan;
            statement["Condition"] = condition;
        }
        return document.ToJsonString();
    }
}
