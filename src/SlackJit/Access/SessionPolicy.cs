using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SlackJit.Access;

/// <summary>
/// The inline STS session policy for one grant (docs/CATALOG.md): list and read one bucket or prefix, and decrypt
/// through S3 with the bucket's KMS key when there is one; explicit denies for the prefixes of more specific catalog
/// entries (their objects, their listings, and listings that would spell out their keys); and the entry's network and
/// object-tag conditions. Effective permissions are the role's policy intersected with this one, so it only ever
/// narrows. No write or delete action, no S3 <c>Resource: "*"</c>.
/// </summary>
public static class SessionPolicy
{
    /// <summary>STS limit on the plaintext of an inline session policy.</summary>
    public const int MaxLength = 2048;

    /// <summary>The one delimiter a listing may use when the grant excludes nested entries (it folds their keys into one common prefix).</summary>
    public const string FolderDelimiter = "/";

    public static readonly IReadOnlyList<string> Partitions = ["aws", "aws-us-gov", "aws-cn"];

    /// <summary>The longest partition name: a policy that fits with it fits in every partition.</summary>
    public const string LongestPartition = "aws-us-gov";

    /// <summary>
    /// The policy JSON (compact) for a plain grant. <paramref name="prefix"/> is used as-is: <c>reports</c> covers every
    /// key starting with <c>reports</c>; empty means the whole bucket. A plain grant always fits.
    /// </summary>
    /// <param name="region">The bucket's region, for <c>kms:ViaService</c>; null when unknown (then S3 in any region).</param>
    /// <param name="partition"><c>aws</c>, <c>aws-us-gov</c> or <c>aws-cn</c>.</param>
    public static string Build(string bucket, string prefix, string? kmsKeyArn, string? region, string partition) =>
        Build(GrantScope.Plain(bucket, prefix), kmsKeyArn, region, partition)
        ?? throw new InvalidOperationException("A plain grant does not fit the session policy limit.");

    /// <summary>The policy JSON (compact) for <paramref name="scope"/>, or null when it cannot fit <see cref="MaxLength"/>.</summary>
    public static string? Build(GrantScope scope, string? kmsKeyArn, string? region, string partition)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope.Bucket);
        ArgumentNullException.ThrowIfNull(scope.Prefix);
        if (!Partitions.Contains(partition))
        {
            throw new ArgumentException($"Unknown AWS partition '{partition}'.", nameof(partition));
        }

        var key = string.IsNullOrWhiteSpace(kmsKeyArn) ? null : kmsKeyArn.Trim();
        var policy = Write(scope, key, region, partition, listExactPrefix: true);

        // IAM's * matches zero or more characters, so "PREFIX*" alone also lets the exact prefix be listed;
        // the explicit "PREFIX" is dropped only when a very long prefix would not fit otherwise.
        if (policy.Length > MaxLength && scope.Prefix.Length > 0)
        {
            policy = Write(scope, key, region, partition, listExactPrefix: false);
        }

        return policy.Length <= MaxLength ? policy : null;
    }

    /// <summary>Whether the grant's policy fits in every partition (checked when a request is made, before anyone approves it).</summary>
    public static bool Fits(GrantScope scope, string? kmsKeyArn) =>
        Build(scope, kmsKeyArn, RegionOfKey(kmsKeyArn), LongestPartition) is not null;

    /// <summary>The partition of an ARN (<c>arn:aws-cn:…</c> → <c>aws-cn</c>); <c>aws</c> when it cannot tell.</summary>
    public static string PartitionOf(string? arn)
    {
        var parts = (arn ?? "").Split(':');
        return parts.Length > 1 && parts[0] == "arn" && Partitions.Contains(parts[1]) ? parts[1] : "aws";
    }

    /// <summary>The region of a KMS key ARN (<c>arn:aws:kms:REGION:ACCOUNT:key/ID</c>); S3 requires the key in the bucket's region.</summary>
    public static string? RegionOfKey(string? kmsKeyArn)
    {
        var parts = kmsKeyArn?.Trim().Split(':');
        return parts is { Length: >= 6 } && parts[2] == "kms" && parts[3].Length > 0 ? parts[3] : null;
    }

    private static string Write(GrantScope scope, string? kmsKeyArn, string? region, string partition, bool listExactPrefix)
    {
        var bucketArn = $"arn:{partition}:s3:::{scope.Bucket}";
        var prefix = scope.Prefix;
        var conditions = scope.Conditions;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Text(json, "Version", "2012-10-17");
            json.WriteStartArray("Statement");

            Statement(json, "Locate", "Allow", "s3:GetBucketLocation", [bucketArn]);

            Statement(json, "List", "Allow", "s3:ListBucket", [bucketArn], prefix.Length == 0 ? null : w =>
                Values(w, "StringLike", "s3:prefix", listExactPrefix ? [prefix, prefix + "*"] : [prefix + "*"]));

            Statement(json, "Read", "Allow", "s3:GetObject", [$"{bucketArn}/{prefix}*"], conditions.RequiredObjectTags.Count == 0 ? null : w =>
            {
                w.WriteStartObject("StringEquals");
                foreach (var (tag, value) in conditions.RequiredObjectTags)
                {
                    Text(w, "s3:ExistingObjectTag/" + tag, value);
                }

                w.WriteEndObject();
            });

            if (kmsKeyArn is not null)
            {
                // Decrypt only on S3's behalf; without a known region the condition still names S3 (any region).
                var s3Service = $"s3.{region ?? "*"}.{(partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com")}";
                Statement(json, "Decrypt", "Allow", "kms:Decrypt", [kmsKeyArn], w =>
                {
                    w.WriteStartObject(region is null ? "StringLike" : "StringEquals");
                    Text(w, "kms:ViaService", s3Service);
                    w.WriteEndObject();
                });
            }

            if (scope.Excluded.Count > 0)
            {
                WriteExclusions(json, bucketArn, scope.Excluded);
            }

            if (conditions.RestrictsNetwork)
            {
                // A deny unless one network matches: a request through an endpoint carries no aws:SourceIp, one from
                // the internet no aws:SourceVpce, and a missing key makes a negated condition true.
                Statement(json, "Network", "Deny", "s3:*", [bucketArn, bucketArn + "/*"], w =>
                {
                    if (conditions.SourceIpRanges.Count > 0)
                    {
                        Values(w, "NotIpAddress", "aws:SourceIp", conditions.SourceIpRanges);
                    }

                    if (conditions.VpcEndpoints.Count > 0)
                    {
                        Values(w, "StringNotEquals", "aws:SourceVpce", conditions.VpcEndpoints);
                    }
                });
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Nested entries have their own approvers: deny their objects, listings inside them, and listings without the
    // folder delimiter (those would spell out every key below a listed prefix, nested ones included).
    private static void WriteExclusions(Utf8JsonWriter json, string bucketArn, IReadOnlyList<string> excluded)
    {
        Statement(json, "Nested", "Deny", "s3:GetObject", [.. excluded.Select(p => $"{bucketArn}/{p}*")]);
        Statement(json, "NestedList", "Deny", "s3:ListBucket", [bucketArn], w =>
            Values(w, "StringLike", "s3:prefix", [.. excluded.Select(p => p + "*")]));
        Statement(json, "Flat", "Deny", "s3:ListBucket", [bucketArn], w =>
        {
            w.WriteStartObject("StringNotEquals");
            Text(w, "s3:delimiter", FolderDelimiter);
            w.WriteEndObject();
        });
    }

    private static void Statement(Utf8JsonWriter json, string sid, string effect, string action, IReadOnlyList<string> resources, Action<Utf8JsonWriter>? condition = null)
    {
        json.WriteStartObject();
        Text(json, "Sid", sid);
        Text(json, "Effect", effect);
        Text(json, "Action", action);
        json.WritePropertyName("Resource");
        OneOrMany(json, resources);
        if (condition is not null)
        {
            json.WriteStartObject("Condition");
            condition(json);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter json, string op, string key, IReadOnlyList<string> values)
    {
        json.WriteStartObject(op);
        json.WriteStartArray(key);
        foreach (var value in values)
        {
            json.WriteRawValue(Quote(value));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void OneOrMany(Utf8JsonWriter json, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            json.WriteRawValue(Quote(values[0]));
            return;
        }

        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteRawValue(Quote(value));
        }

        json.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter json, string name, string value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(Quote(value));
    }

    // Escapes only what JSON requires (quote, backslash, control characters). The writer's own encoders
    // turn every non-ASCII or supplementary character into \uXXXX, up to 12 characters for one emoji,
    // which would push a long prefix past MaxLength.
    private static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                < ' ' => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
