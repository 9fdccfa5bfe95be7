using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SlackJit.Access;

/// <summary>
/// The inline STS session policy for one grant: list and read one bucket or prefix, and decrypt
/// through S3 with the bucket's KMS key when there is one. Effective permissions are the role's policy
/// intersected with this one, so it only ever narrows. No write or delete action, no S3 <c>Resource: "*"</c>.
/// </summary>
public static class SessionPolicy
{
    /// <summary>STS limit on the plaintext of an inline session policy.</summary>
    public const int MaxLength = 2048;

    public static readonly IReadOnlyList<string> Partitions = ["aws", "aws-us-gov", "aws-cn"];


    /// <summary>
    /// The policy JSON (compact). <paramref name="prefix"/> is used as-is: <c>reports</c> covers every key
    /// starting with <c>reports</c>; empty means the whole bucket.
    /// </summary>
    /// <param name="region">The bucket's region, for <c>kms:ViaService</c>; null when unknown (then S3 in any region).</param>
    /// <param name="partition"><c>aws</c>, <c>aws-us-gov</c> or <c>aws-cn</c>.</param>
    public static string Build(string bucket, string prefix, string? kmsKeyArn, string? region, string partition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!Partitions.Contains(partition))
        {
            throw new ArgumentException($"Unknown AWS partition '{partition}'.", nameof(partition));
        }

        var policy = Write(bucket, prefix, kmsKeyArn, region, partition, listExactPrefix: true);

        // IAM's * matches zero or more characters, so "PREFIX*" alone also lets the exact prefix be listed;
        // the explicit "PREFIX" is dropped only when a very long prefix would not fit otherwise.
        return policy.Length <= MaxLength || prefix.Length == 0
            ? policy
            : Write(bucket, prefix, kmsKeyArn, region, partition, listExactPrefix: false);
    }

    /// <summary>The partition of an ARN (<c>arn:aws-cn:…</c> → <c>aws-cn</c>); <c>aws</c> when it cannot tell.</summary>
    public static string PartitionOf(string? arn)
    {
        var parts = (arn ?? "").Split(':');
        return parts.Length > 1 && parts[0] == "arn" && Partitions.Contains(parts[1]) ? parts[1] : "aws";
    }

    private static string Write(string bucket, string prefix, string? kmsKeyArn, string? region, string partition, bool listExactPrefix)
    {
        var bucketArn = $"arn:{partition}:s3:::{bucket}";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            Text(json, "Version", "2012-10-17");
            json.WriteStartArray("Statement");

            Statement(json, "Locate", "s3:GetBucketLocation", bucketArn);

            Statement(json, "List", "s3:ListBucket", bucketArn, prefix.Length == 0 ? null : w =>
            {
                w.WriteStartObject("StringLike");
                w.WriteStartArray("s3:prefix");
                if (listExactPrefix)
                {
                    w.WriteRawValue(Quote(prefix));
                }

                w.WriteRawValue(Quote(prefix + "*"));
                w.WriteEndArray();
                w.WriteEndObject();
            });

            Statement(json, "Read", "s3:GetObject", $"{bucketArn}/{prefix}*");

            if (!string.IsNullOrWhiteSpace(kmsKeyArn))
            {
                // Decrypt only on S3's behalf; without a known region the condition still names S3 (any region).
                var s3Service = $"s3.{region ?? "*"}.{(partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com")}";
                Statement(json, "Decrypt", "kms:Decrypt", kmsKeyArn.Trim(), w =>
                {
                    w.WriteStartObject(region is null ? "StringLike" : "StringEquals");
                    Text(w, "kms:ViaService", s3Service);
                    w.WriteEndObject();
                });
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Statement(Utf8JsonWriter json, string sid, string action, string resource, Action<Utf8JsonWriter>? condition = null)
    {
        json.WriteStartObject();
        Text(json, "Sid", sid);
        Text(json, "Effect", "Allow");
        Text(json, "Action", action);
        Text(json, "Resource", resource);
        if (condition is not null)
        {
            json.WriteStartObject("Condition");
            condition(json);
            json.WriteEndObject();
        }

        json.WriteEndObject();
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
