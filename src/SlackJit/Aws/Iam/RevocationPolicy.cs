using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlackJit.Aws.Iam;

/// <summary>
/// The one inline policy on a read-only role that ends grants early: <c>Deny *</c> on <c>*</c> to every session whose
/// <c>jit-request-id</c> session tag (a principal tag of the session) is one of the listed ids. Temporary credentials
/// cannot be deleted, but IAM evaluates this policy on every call they make. Pure: no I/O.
/// </summary>
internal static class RevocationPolicy
{
    public const string PolicyName = "slackjit-revoked";
    public const string ConditionKey = "aws:PrincipalTag/" + SessionTags.RequestIdKey;

    /// <summary>IAM's limit on a role's inline policies, in characters (whitespace not counted), all of them together.</summary>
    public const int MaxCharacters = 10_240;

    /// <summary>The ids to deny at <paramref name="now"/>: the grants whose credentials still work, sorted so equal sets give equal documents.</summary>
    public static IReadOnlyList<string> Wanted(IEnumerable<RevokedGrant> revoked, DateTimeOffset now) =>
        [.. revoked.Where(r => r.CredentialsExpire > now).Select(r => r.RequestId.ToString("D")).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The document denying <paramref name="ids"/>; <see cref="RevocationPolicyTooLargeException"/> past IAM's limit.</summary>
    public static string Render(IReadOnlyCollection<string> ids, string roleName)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var document = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Sid"] = "SlackJitRevokedGrants",
                ["Effect"] = "Deny",
                ["Action"] = "*",
                ["Resource"] = "*",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { [ConditionKey] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i))]) },
                },
            }),
        }.ToJsonString();
        if (document.Length > MaxCharacters)
        {
            throw new RevocationPolicyTooLargeException(roleName, ids.Count, document.Length);
        }
        return document;
    }

    /// <summary>The ids a document denies; empty for no document or one SlackJit did not write.</summary>
    public static IReadOnlySet<string> Ids(string? document)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(document))
        {
            return ids;
        }
        try
        {
            var statements = JsonNode.Parse(document)?["Statement"];
            foreach (var statement in statements is JsonArray array ? array : new JsonArray(statements?.DeepClone()))
            {
                var values = statement?["Condition"]?["StringEquals"]?[ConditionKey];
                foreach (var value in values is JsonArray list ? list : new JsonArray(values?.DeepClone()))
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var id))
                    {
                        ids.Add(id);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not ours (edited by hand?): it is replaced by the next write, which lists every id that must be denied.
        }
        return ids;
    }
}
